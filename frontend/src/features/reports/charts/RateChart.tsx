/**
 * A rate per group (band, month, category, adviser) as bars with 95% interval whiskers and n by
 * each. Groups with no cases keep their place (a month with none is a gap, not skipped), so the
 * axis stays even. Recharts is heavy, so this module is only ever loaded lazily, on report pages.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, XAxis, YAxis } from 'recharts';
import { formatNumber, formatPercent } from '../../../app/format';
import { chartLayout, labelPx } from './chart-layout';

export interface RatePoint {
  label: string;
  n: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

const TEXT = '#0b0c0c';
const SECONDARY = '#484949';

export default function RateChart({ points }: { points: RatePoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const layout = chartLayout(
    points.map((p) => p.label),
    width,
  );
  const data = points.map((p) => {
    const shown = p.rate !== null && p.n > 0;
    return {
      label: p.label,
      n: p.n,
      // Unrounded, so the bar's label is the table's figure (rounding 74.47 to 74.5 first made it 75%).
      rate: shown ? p.rate! * 100 : null,
      percent: shown ? formatPercent(p.rate) : '',
      interval:
        shown && p.ciLow !== null && p.ciHigh !== null
          ? [(p.rate! - p.ciLow) * 100, (p.ciHigh - p.rate!) * 100]
          : [0, 0],
    };
  });
  const nOf = (index: number) => (data[index] ? `n = ${formatNumber(data[index].n)}` : '');
  const rows = layout.orientation === 'rows';
  const maxChars = Math.max(4, Math.floor((layout.labelWidth - 16) / labelPx('x')));
  return (
    <div ref={box} className="dv-chart" style={{ height: layout.height }} aria-hidden="true">
      {width > 0 &&
        (rows ? (
          <BarChart
            accessibilityLayer={false}
            layout="vertical"
            width={width}
            height={layout.height}
            data={data}
            margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <YAxis
              type="category"
              dataKey="label"
              width={layout.labelWidth}
              interval={0}
              tick={({ x, y, payload, index }) => (
                <g transform={`translate(${x},${y})`}>
                  <text textAnchor="end" fill={TEXT} fontSize={14} dy={-2}>
                    {ellipsis(String(payload.value), maxChars)}
                  </text>
                  <text textAnchor="end" fill={SECONDARY} fontSize={12} dy={14}>
                    {nOf(index)}
                  </text>
                </g>
              )}
            />
            <Bar dataKey="rate" fill="#1d70b8" isAnimationActive={false} minPointSize={zeroStillShows}>
              <ErrorBar dataKey="interval" width={8} strokeWidth={2} stroke={TEXT} direction="x" />
              <LabelList dataKey="percent" content={(props) => <RateLabel {...props} rows />} />
            </Bar>
          </BarChart>
        ) : (
          <BarChart
            accessibilityLayer={false}
            width={width}
            height={layout.height}
            data={data}
            margin={{ top: 24, right: 8, bottom: 24, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              interval={0}
              tick={({ x, y, payload, index }) => (
                <g transform={`translate(${x},${y})`}>
                  <text textAnchor="middle" fill={TEXT} fontSize={14} dy={14}>
                    {payload.value}
                  </text>
                  <text textAnchor="middle" fill={SECONDARY} fontSize={12} dy={30}>
                    {nOf(index)}
                  </text>
                </g>
              )}
            />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={52} />
            <Bar dataKey="rate" fill="#1d70b8" isAnimationActive={false} minPointSize={zeroStillShows}>
              <ErrorBar dataKey="interval" width={8} strokeWidth={2} stroke={TEXT} direction="y" />
              <LabelList dataKey="percent" content={(props) => <RateLabel {...props} rows={false} />} />
            </Bar>
          </BarChart>
        ))}
    </div>
  );
}

interface RateLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  rows: boolean;
}

/** The rate in its bar (white), or just past a bar too short to hold it (dark), so 0% still shows. */
function RateLabel({ x = 0, y = 0, width = 0, height = 0, value, rows }: RateLabelProps) {
  const [left, top, w, h] = [x, y, width, height].map(Number);
  if (!value) return null;
  const text = String(value);
  const room = rows ? w : h;
  const inside = room >= (rows ? labelPx(text) + 8 : 26);
  const style = { fill: inside ? '#ffffff' : TEXT, fontSize: 14, fontWeight: 700 };
  return rows ? (
    // Outside the bar, above the whisker that runs through the row's middle.
    <text x={inside ? left + 8 : left + w + 6} y={top + h / 2} dy={inside ? 5 : -5} textAnchor="start" {...style}>
      {text}
    </text>
  ) : (
    <text x={left + w / 2} y={inside ? top + h - 8 : top - 6} textAnchor="middle" {...style}>
      {text}
    </text>
  );
}

function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The element's content width, kept current as the window or the layout changes. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** A 0% rate is a figure (with its interval and label), unlike a group with no cases: give it a hairline bar. */
function zeroStillShows(value: unknown): number {
  return value === 0 ? 1 : 0;
}
