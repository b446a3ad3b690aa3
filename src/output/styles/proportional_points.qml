<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Default style of point layers with totals (governorate_points, places): one colour,
     circle area growing with {{SIZE_FIELD}}. Filled in by qgis_style.cpp: {{SYMBOL}}
     and the size classes of the circle-size legend. -->
<qgis version="3.22.16" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
{{SYMBOL}}
    </symbols>
{{SIZE_LEGEND}}
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <layerGeometryType>0</layerGeometryType>
</qgis>
