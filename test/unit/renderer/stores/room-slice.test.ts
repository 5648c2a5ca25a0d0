import { describe, expect, it } from 'vitest';
import { emptyWorkshopState, type WorkshopState } from '../../../../shared/domain';
import { withRoomSubmissions } from '../../../../renderer/stores/room-slice';
import { withParticipantRemoved, withParticipantRestored, withWeight } from '../../../../renderer/stores/session-actions';
import { describeEdit } from '../../../../renderer/stores/describe-edit';
import { defaultPack } from '../../../../shared/engine';

const ADA = '0b7a3c10-1111-4aaa-8aaa-000000000001';
const BEN = '0b7a3c10-1111-4aaa-8aaa-000000000002';
const GONE = '0b7a3c10-1111-4aaa-8aaa-000000000009';

const state: WorkshopState = {
  ...emptyWorkshopState(),
  participants: [
    { id: ADA, name: 'Ada', role: '', involvement: 'decision-maker' },
    { id: BEN, name: 'Ben', role: '', involvement: 'consulted' },
  ],
  weights: { [BEN]: { cost: 1 } },
};

describe('what the room reveals, put in the workshop', () => {
  it('takes each person’s weights and votes, marks the weights as entered on their own device, and leaves the rest', () => {
    const after = withRoomSubmissions(state, [
      { participantId: ADA, weights: { cost: 5, control: 2 }, votes: [{ decision: 'deployment', option: 'hybrid', reason: 'Both' }] },
      { participantId: BEN, weights: null, votes: [{ decision: 'deployment', option: 'cloud', reason: '' }] },
      // Someone removed from the workshop while the room was open: nothing of theirs comes in.
      { participantId: GONE, weights: { cost: 0 }, votes: [] },
    ]);
    expect(after.weights).toEqual({ [ADA]: { cost: 5, control: 2 }, [BEN]: { cost: 1 } });
    expect(after.votes).toEqual({ [ADA]: { deployment: { option: 'hybrid', reason: 'Both' } }, [BEN]: { deployment: { option: 'cloud', reason: '' } } });
    expect(after.participants.map((p) => p.weightsFrom)).toEqual(['own-device', undefined]);
  });

  it('changes nothing when nobody sent anything', () => {
    expect(withRoomSubmissions(state, [])).toBe(state);
    expect(withRoomSubmissions(state, [{ participantId: GONE, weights: { cost: 1 }, votes: [] }])).toBe(state);
  });

  it('stops calling the weights the participant’s own once the facilitator changes one', () => {
    const revealed = withRoomSubmissions(state, [{ participantId: ADA, weights: { cost: 5 }, votes: [] }]);
    const edited = withWeight(revealed, ADA, 'cost', 4, { cost: 3 });
    expect(edited.participants[0]).not.toHaveProperty('weightsFrom');
    // The same weight again is no edit, and keeps the mark.
    expect(withWeight(revealed, ADA, 'cost', 5, { cost: 3 }).participants[0]!.weightsFrom).toBe('own-device');
  });

  it('keeps a person’s earlier votes on other decisions when a later room brings new ones', () => {
    const first = withRoomSubmissions(state, [{ participantId: ADA, weights: null, votes: [{ decision: 'deployment', option: 'hybrid', reason: '' }, { decision: 'cloud-strategy', option: 'single-cloud', reason: '' }] }]);
    const later = withRoomSubmissions(first, [{ participantId: ADA, weights: null, votes: [{ decision: 'deployment', option: 'cloud', reason: 'Changed my mind' }] }]);
    expect(later.votes?.[ADA]).toEqual({ deployment: { option: 'cloud', reason: 'Changed my mind' }, 'cloud-strategy': { option: 'single-cloud', reason: '' } });
  });

  it('is named as what it is in Undo, and a later weight edit as a weight', () => {
    const pack = defaultPack();
    const revealed = withRoomSubmissions(state, [{ participantId: ADA, weights: { cost: 5 }, votes: [] }]);
    expect(describeEdit(pack, state, revealed)).toEqual({ what: 'the answers revealed from the room', step: 'consensus' });
    const votedOnly = withRoomSubmissions(state, [{ participantId: BEN, weights: null, votes: [{ decision: 'deployment', option: 'cloud', reason: '' }] }]);
    expect(describeEdit(pack, state, votedOnly).what).toBe('the answers revealed from the room');
    expect(describeEdit(pack, revealed, withWeight(revealed, ADA, 'cost', 4, { cost: 3 }))).toEqual({ what: 'Ada\'s weight for Cost', step: 'priorities' });
  });

  it('drops a removed participant’s votes with their weights', () => {
    const voted = withRoomSubmissions(state, [{ participantId: ADA, weights: null, votes: [{ decision: 'deployment', option: 'hybrid', reason: '' }] }]);
    expect(withParticipantRemoved(voted, ADA).votes).toEqual({});
    // Put back (the removal's notice offers it, after other edits too), they come back with their votes.
    const ada = voted.participants[0]!;
    expect(withParticipantRestored(withParticipantRemoved(voted, ADA), ada, 0, undefined, voted.votes![ADA]).votes).toEqual(voted.votes);
  });
});
