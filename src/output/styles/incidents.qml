<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Default style of the incidents layer: one colour per event type, circle area growing
     with the incident's weight. Filled in by qgis_style.cpp: {{CATEGORIES}} {{SYMBOLS}}
     and the source symbol and size classes from which QGIS draws the circle-size legend.
     The temporal block makes the layer ready for QGIS's temporal controller: each incident
     is shown on its event_date for one day. -->
<qgis version="3.22.16" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0">
  <temporal enabled="1" mode="1" startField="event_date" endField="" startExpression="" endExpression="" durationField="" durationUnit="d" fixedDuration="1" accumulate="0" limitMode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="categorizedSymbol" attr="event_type" symbollevels="0" enableorderby="1" forceraster="0">
    <categories>
{{CATEGORIES}}
    </categories>
    <symbols>
{{SYMBOLS}}
    </symbols>
    <source-symbol>
{{SOURCE_SYMBOL}}
    </source-symbol>
{{SIZE_LEGEND}}
    <orderby>
      <orderByClause asc="0" nullsFirst="0">"weight"</orderByClause>
    </orderby>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <layerGeometryType>0</layerGeometryType>
</qgis>
