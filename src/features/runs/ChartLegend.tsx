/**
 * A chart's legend as HTML under the chart. Each item carries its colour in
 * data-legend-colour, which is how the PNG export finds and redraws it.
 */
export interface LegendEntry {
  colour: string;
  label: string;
}

/** A list of colour swatches and what each means, labelled `label` for assistive technology. */
export function ChartLegend({ items, label }: { items: LegendEntry[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label} data-legend-colour={item.colour}>
          <span className="swatch" style={{ background: item.colour }} /> {item.label}
        </li>
      ))}
    </ul>
  );
}
