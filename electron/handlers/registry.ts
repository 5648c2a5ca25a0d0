import type { ApiResult, Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { appInfo } from './app';
import { exportWorkshopDiagram } from './diagram';
import { importWorkshop } from './import-workshop';
import { compareMilestones, createMilestone, listMilestones } from './milestones';
import { comparePack, importPack, listPacks, removePack } from './packs';
import { admitToRoom, closeRoom, openRoom, reissueRoomLink, revealRoom, revokeRoomLink, roomInterfaces, roomStatus } from './room';
import { listRecords, listSupersedeCandidates, updateRecord } from './records';
import { exportRecords, exportRecordsPdf } from './records-export';
import type { HandlerDeps } from './deps';
import { moveWorkshopPack, previewPackMove, workshopPackSource } from './workshop-pack-move';
import { getWorkshopState, saveWorkshopState } from './workshop-state';
import { archiveWorkshop, createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from './workshops';

export type Handler<C extends Channel> = (deps: HandlerDeps, input: ChannelParsedInput<C>) => ApiResult<ChannelOutput<C>>;
export type AsyncHandler<C extends Channel> = (deps: HandlerDeps, input: ChannelParsedInput<C>) => Promise<ApiResult<ChannelOutput<C>>>;

/** Channels whose handler has to wait for something outside the process (printing a PDF, a network to listen on). */
const ASYNC_CHANNELS = ['records.pdf', 'room.open', 'room.close'] as const;
export type AsyncChannel = (typeof ASYNC_CHANNELS)[number];
export type SyncChannel = Exclude<Channel, AsyncChannel>;

export function isAsyncChannel(name: Channel): name is AsyncChannel {
  return (ASYNC_CHANNELS as readonly string[]).includes(name);
}

export const asyncHandlers: { [C in AsyncChannel]: AsyncHandler<C> } = {
  'records.pdf': exportRecordsPdf,
  'room.open': openRoom,
  'room.close': closeRoom,
};

/** One plain function per channel; the compiler refuses a channel without one. */
export const handlers: { [C in SyncChannel]: Handler<C> } = {
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
  'records.candidates': listSupersedeCandidates,
  'records.export': exportRecords,
  'packs.list': listPacks,
  'packs.import': importPack,
  'packs.compare': comparePack,
  'packs.remove': removePack,
  'packs.ofWorkshop': workshopPackSource,
  'packs.previewMove': previewPackMove,
  'packs.moveWorkshop': moveWorkshopPack,
  'room.interfaces': roomInterfaces,
  'room.status': roomStatus,
  'room.admit': admitToRoom,
  'room.revoke': revokeRoomLink,
  'room.reissue': reissueRoomLink,
  'room.reveal': revealRoom,
};
