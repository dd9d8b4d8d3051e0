/**
 * The case's story in date order: sessions and other time, notes, problems uncovered, referrals,
 * feedback, the outcome and follow-ups, newest first.
 */
import { labelOf, subcategoryLabel } from '@deepvalue/shared';
import { formatGbp, formatMinutes } from '../../app/format';
import type { CaseDetail } from '@deepvalue/shared';

export type TimelineKind = 'opened' | 'time' | 'note' | 'problem' | 'referral' | 'feedback' | 'outcome' | 'follow_up';

export interface TimelineEvent {
  key: string;
  kind: TimelineKind;
  on: string;
  title: string;
  details: string[];
  /** Who did it, when known. */
  by?: string;
  /** A referral or problem whose "reached support?" answer is still unknown. */
  askReachedSupport?: { kind: 'problems' | 'referrals'; id: string };
  /** An underlying problem: its own result can be recorded (or changed, once recorded). */
  problemResult?: { id: string; recorded: boolean };
  editTimeEntryId?: string;
}

const ORDER: Record<TimelineKind, number> = {
  follow_up: 0,
  outcome: 1,
  feedback: 2,
  referral: 3,
  problem: 4,
  note: 5,
  time: 6,
  opened: 7,
};

const reached = (value: boolean | null | undefined) =>
  value === true ? 'Client reached the support' : value === false ? 'Client did not reach the support' : '';

export function buildTimeline(
  c: CaseDetail,
  itemLabels: Record<string, string> = {},
  partnerNames: Record<string, string> = {},
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    {
      key: 'opened',
      kind: 'opened',
      on: c.openedOn,
      title: 'Case opened',
      details: [
        `${labelOf(c.category)}${c.subcategory ? `: ${subcategoryLabel(c.subcategory)}` : ''}`,
        c.arrival.route === 'referred'
          ? `Referred by ${c.referrerName ?? 'a partner organisation'}`
          : 'Came by themselves',
      ],
    },
  ];
  for (const t of c.timeEntries) {
    events.push({
      key: `time-${t.id}`,
      kind: 'time',
      on: t.on,
      title: `${formatMinutes(t.minutes)} ${labelOf(t.class).toLowerCase()}`,
      details: [labelOf(t.activity), t.mode === 'none' ? '' : labelOf(t.mode), t.note ?? ''].filter(Boolean),
      by: t.adviserName,
      editTimeEntryId: t.id,
    });
  }
  for (const n of c.notes ?? []) {
    const firstLine = n.body.split('\n')[0];
    events.push({
      key: `note-${n.id}`,
      kind: 'note',
      on: n.on,
      title: n.kind === 'attendance' ? 'Attendance note' : 'File note',
      details: [firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine],
      by: n.authorName,
    });
  }
  for (const p of c.problems) {
    events.push({
      key: `problem-${p.id}`,
      kind: 'problem',
      on: p.uncoveredOn,
      title: `Underlying problem uncovered: ${labelOf(p.category).toLowerCase()}`,
      details: [
        p.description ?? '',
        problemAction(p.action, p.partnerId ? partnerNames[p.partnerId] : undefined),
        p.action === 'referred_warm' || p.action === 'signposted' ? reached(p.reachedSupport) : '',
        p.result ? `Its own result: ${labelOf(p.result).toLowerCase()}` : '',
      ].filter(Boolean),
      problemResult: { id: p.id, recorded: p.result != null },
      askReachedSupport:
        (p.action === 'referred_warm' || p.action === 'signposted') && p.reachedSupport == null
          ? { kind: 'problems', id: p.id }
          : undefined,
    });
  }
  for (const r of c.referrals) {
    events.push({
      key: `referral-${r.id}`,
      kind: 'referral',
      on: r.on,
      title:
        r.direction === 'out'
          ? `Referred to ${r.partnerName ?? 'a partner'}`
          : `Referral received from ${r.partnerName ?? 'a partner'}`,
      details: [
        r.kind === 'warm_handover' ? 'Warm handover' : 'Signposted',
        r.direction === 'out' ? reached(r.reachedSupport) : '',
        r.note ?? '',
      ].filter(Boolean),
      askReachedSupport:
        r.direction === 'out' && r.reachedSupport == null ? { kind: 'referrals', id: r.id } : undefined,
    });
  }
  for (const f of c.feedback) {
    const scores = Object.entries(f.items).map(([key, score]) => `${itemLabels[key] ?? labelOf(key)}: ${score} of 5`);
    events.push({
      key: `feedback-${f.id}`,
      kind: 'feedback',
      on: f.on,
      title: `Client feedback (${f.source === 'link' ? 'online' : f.source === 'in_person' ? 'in person' : 'paper form'})`,
      details: [...scores, f.comment ? `“${f.comment}”` : ''].filter(Boolean),
    });
  }
  if (c.outcome && c.closedOn) {
    const o = c.outcome;
    events.push({
      key: 'outcome',
      kind: 'outcome',
      on: c.closedOn,
      title: `Case closed: ${labelOf(o.result).toLowerCase()}`,
      details: [
        ...o.benefits.map((b) => `${labelOf(b.type)}${b.amountGbp != null ? ` (${formatGbp(b.amountGbp)})` : ''}`),
        o.understood != null ? `Client understood the outcome: ${o.understood} of 5` : '',
        o.accepted != null ? (o.accepted ? 'Client accepted the outcome' : 'Client did not accept the outcome') : '',
        o.appeal
          ? labelOf(o.appeal) + (o.appealNotPursuedReason ? `: ${labelOf(o.appealNotPursuedReason).toLowerCase()}` : '')
          : '',
        o.confidenceBefore != null && o.confidenceAfter != null
          ? `Confidence ${o.confidenceBefore} → ${o.confidenceAfter} of 5`
          : '',
      ].filter(Boolean),
    });
  }
  for (const f of c.followUps) {
    events.push({
      key: `follow-up-${f.id}`,
      kind: 'follow_up',
      on: f.on,
      title:
        f.recontact === 'same_problem'
          ? 'Follow-up: came back about the same problem'
          : f.recontact === 'new_problem'
            ? 'Follow-up: came back with a new problem'
            : 'Follow-up: no re-contact',
      details: [
        f.outcomeSustained == null ? '' : f.outcomeSustained ? 'Outcome sustained' : 'Outcome not sustained',
      ].filter(Boolean),
    });
  }
  return events.sort((a, b) => (a.on === b.on ? ORDER[a.kind] - ORDER[b.kind] : a.on < b.on ? 1 : -1));
}

function problemAction(action: string, partnerName: string | null | undefined): string {
  if (action === 'referred_warm') return `Referred with a warm handover${partnerName ? ` to ${partnerName}` : ''}`;
  if (action === 'signposted') return `Signposted${partnerName ? ` to ${partnerName}` : ''}`;
  if (action === 'handled_in_house') return 'Handled in-house';
  return 'Client declined help with it';
}
