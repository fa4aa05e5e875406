import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export type ChartPoint = { label: string; value: number | null };

const WIDTH = 640;

/**
 * Horizontal bars of average scores (0–5), server-rendered SVG. The SVG is one image with a title and a
 * description pointing to the data table that follows it (the table is the text alternative).
 */
export function ScoreBarChart({ id, title, description, points, max = 5, decimals = 1 }: { id: string; title: string; description: string; points: readonly ChartPoint[]; max?: number; decimals?: number }) {
  const rowHeight = 28;
  const labelWidth = 220;
  const height = Math.max(1, points.length) * rowHeight + 24;
  const y = scaleBand<string>().domain(points.map((_, i) => String(i))).range([0, points.length * rowHeight]).padding(0.2);
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([labelWidth, WIDTH - 40]);
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width={WIDTH} height={height}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {points.map((point, i) => {
        const top = y(String(i)) ?? 0;
        const label = point.label.length > 32 ? `${point.label.slice(0, 31)}…` : point.label;
        return (
          <g key={`${point.label}-${i}`} aria-hidden="true">
            <text x={labelWidth - 8} y={top + y.bandwidth() / 2 + 4} textAnchor="end">
              {label}
            </text>
            <rect className="bar" x={x(0)} y={top} width={Math.max(0, x(point.value ?? 0) - x(0))} height={y.bandwidth()} />
            <text x={x(point.value ?? 0) + 4} y={top + y.bandwidth() / 2 + 4}>
              {point.value === null ? '—' : point.value.toFixed(decimals)}
            </text>
          </g>
        );
      })}
      <g aria-hidden="true">
        {x.ticks(5).map((tick) => (
          <text key={tick} x={x(tick)} y={height - 4} textAnchor="middle">
            {tick}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** The monthly trend of the overall score as a line (d3-shape), months without answers leave a gap. */
export function ScoreLineChart({
  id,
  title,
  description,
  points,
  min = 1,
  max = 5,
  domain,
  width = WIDTH,
  height = 220,
}: {
  id: string;
  title: string;
  description: string;
  points: readonly ChartPoint[];
  min?: number;
  max?: number;
  domain?: [number, number];
  width?: number;
  height?: number;
}) {
  const [low, high] = domain ?? [min, max > min ? max : min + 1];
  const x = scalePoint<string>().domain(points.map((p) => p.label)).range([40, width - 20]).padding(0.5);
  const y = scaleLinear().domain([low, high]).range([height - 30, 10]);
  const path = line<ChartPoint>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.label) ?? 0)
    .y((p) => y(p.value ?? low))(points);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width={width} height={height}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line className="axis" x1={40} x2={width - 20} y1={y(tick)} y2={y(tick)} strokeDasharray="2 4" />
            <text x={32} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {path && <path className="line" d={path} />}
        {points.map((p) =>
          p.value === null ? null : <circle key={p.label} className="bar" cx={x(p.label)} cy={y(p.value)} r={points.length > 60 ? 2 : 4} />,
        )}
        {points.filter((_, i) => i % Math.max(1, Math.ceil(points.length / 12)) === 0).map((p) => (
          <text key={`l-${p.label}`} x={x(p.label)} y={height - 8} textAnchor="middle">
            {p.label}
          </text>
        ))}
      </g>
    </svg>
  );
}
