<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Default style of the governorates and districts layers: a graduated choropleth of
     casualties (ColorBrewer YlOrRd), labelled with {{LABEL_FIELD}} when {{LABELS}} is 1.
     Filled in by qgis_style.cpp: {{RANGES}} {{SYMBOLS}}. -->
<qgis version="3.22.16" styleCategories="AllStyleCategories" labelsEnabled="{{LABELS}}" hasScaleBasedVisibilityFlag="0">
  <renderer-v2 type="graduatedSymbol" attr="casualties" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0">
    <ranges>
{{RANGES}}
    </ranges>
    <symbols>
{{SYMBOLS}}
    </symbols>
    <mode name="quantile"/>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="{{LABEL_FIELD}}" isExpression="0" fontFamily="Sans Serif" fontSize="9" fontSizeUnit="Point" textColor="30,30,30,255" textOpacity="1" fontWeight="50" fontItalic="0" namedStyle="Regular" allowHtml="0" multilineHeight="1" blendMode="0" previewBkgrdColor="255,255,255,255" fontLetterSpacing="0" fontWordSpacing="0" capitalization="0" useSubstitutions="0" fontKerning="1" fontUnderline="0" fontStrikeout="0" textOrientation="horizontal">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferJoinStyle="128" bufferNoFill="1" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" multilineAlign="3" plussign="0" reverseDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol=">" addDirectionSymbol="0" placeDirectionSymbol="0" formatNumbers="0" decimals="3" autoWrapLength="0" useMaxLineLengthForAutoWrap="1"/>
      <placement placement="0" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" dist="0" distUnits="MM" priority="5" overrunDistance="0" overrunDistanceUnit="MM" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" offsetUnits="MM" rotationAngle="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" repeatDistanceUnits="MM" placementFlags="10" preserveRotation="1" layerType="PolygonGeometry" polygonPlacementFlags="2" geometryGenerator="" geometryGeneratorEnabled="0" geometryGeneratorType="PointGeometry" lineAnchorPercent="0.5" lineAnchorType="0" lineAnchorClipping="0" overlapHandling="PreventOverlap" allowDegraded="0"/>
      <rendering drawLabels="1" obstacle="1" obstacleType="1" obstacleFactor="1" scaleVisibility="0" scaleMin="0" scaleMax="0" fontMinPixelSize="3" fontMaxPixelSize="10000" fontLimitPixelSize="0" minFeatureSize="0" limitNumLabels="0" maxNumLabels="2000" mergeLines="0" displayAll="0" upsidedownLabels="0" labelPerPart="0" zIndex="0" unplacedVisibility="0"/>
    </settings>
  </labeling>
  <layerGeometryType>2</layerGeometryType>
</qgis>
