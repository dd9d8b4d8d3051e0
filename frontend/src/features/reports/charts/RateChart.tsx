/**
 * A rate per group (band, month, category) as bars with 95% interval whiskers and n under each.
 * Recharts is heavy, so this module is only ever loaded lazily, on report pages.
 */
import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface RatePoint {
  label: string;
  n: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export default function RateChart({ points }: { points: RatePoint[] }) {
  // Groups with no cases have no rate; the table beside the chart lists them.
  const data = points
    .filter((p) => p.rate !== null && p.n > 0)
    .map((p) => ({
      name: `${p.label}\nn = ${p.n}`,
      label: p.label,
      n: p.n,
      rate: Math.round((p.rate ?? 0) * 1000) / 10,
      interval:
        p.rate === null || p.ciLow === null || p.ciHigh === null
          ? [0, 0]
          : [(p.rate - p.ciLow) * 100, (p.ciHigh - p.rate) * 100],
    }));
  return (
    <div className="dv-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 24, right: 8, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            interval={0}
            tick={({ x, y, payload, index }) => (
              <g transform={`translate(${x},${y})`}>
                <text textAnchor="middle" fill="#0b0c0c" fontSize={14} dy={14}>
                  {payload.value}
                </text>
                <text textAnchor="middle" fill="#484949" fontSize={12} dy={30}>
                  n = {data[index]?.n}
                </text>
              </g>
            )}
          />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={52} />
          <Bar dataKey="rate" fill="#1d70b8" isAnimationActive={false}>
            <ErrorBar dataKey="interval" width={8} strokeWidth={2} stroke="#0b0c0c" direction="y" />
            <LabelList
              dataKey="rate"
              position="insideBottom"
              offset={8}
              fill="#ffffff"
              fontSize={14}
              fontWeight={700}
              formatter={(v: unknown) => (v == null ? '' : `${Math.round(Number(v))}%`)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
