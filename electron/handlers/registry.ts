import type { ApiResult, Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { appInfo } from './app';
import { exportWorkshopDiagram } from './diagram';
import { importWorkshop } from './import-workshop';
import { compareMilestones, createMilestone, listMilestones } from './milestones';
import { listRecords, updateRecord } from './records';
import { exportRecords } from './records-export';
import type { HandlerDeps } from './deps';
import { getWorkshopState, saveWorkshopState } from './workshop-state';
import { archiveWorkshop, createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from './workshops';

export type Handler<C extends Channel> = (deps: HandlerDeps, input: ChannelParsedInput<C>) => ApiResult<ChannelOutput<C>>;

/** One plain function per channel; the compiler refuses a channel without one. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': appInfo,
  'workshops.list': listWorkshops,
  'workshops.create': createWorkshop,
  'workshops.get': getWorkshop,
  'workshops.update': updateWorkshop,
  'workshops.archive': archiveWorkshop,
  'workshops.import': importWorkshop,
  'workshopState.get': getWorkshopState,
  'workshopState.save': saveWorkshopState,
  'diagram.export': exportWorkshopDiagram,
  'milestones.list': listMilestones,
  'milestones.create': createMilestone,
  'milestones.compare': compareMilestones,
  'records.list': listRecords,
  'records.update': updateRecord,
  'records.export': exportRecords,
};
