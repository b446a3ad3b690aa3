    <data-defined-size-legend type="separated" valign="bottom" title="{{TITLE}}">
      <classes>
{{CLASSES}}
      </classes>
    </data-defined-size-legend>
