import { usePack } from '../stores/derived';

/** Chooses one of the organisation's decisions, labelled "Decision" beside it (a card's head). */
export function DecisionPicker({ value, onChange }: { value: string; onChange: (decision: string) => void }) {
  const pack = usePack();
  return (
    <label className="inline-field">
      <span>Decision</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {pack.organisationDecisions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.decision.title}
          </option>
        ))}
      </select>
    </label>
  );
}
