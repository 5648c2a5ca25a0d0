import { z } from 'zod';
import { AppInfo, EmptyInput } from './app-info';
import type { ChannelName } from './channel-names';
import {
  ArchiveWorkshopInput,
  CreateWorkshopInput,
  ImportWorkshopInput,
  ImportedWorkshop,
  ListWorkshopsInput,
  UpdateWorkshopInput,
  WorkshopRef,
} from './workshop';
import { SavedWorkshopState, Workshop } from '../domain';
import { SaveWorkshopStateInput } from './workshop-state';
import { DiagramExportInput, ExportedFile } from './exports';
import { CompareInput, CreateMilestoneInput, Milestone, RevisionComparison } from './milestone';
import { ImportPackInput, ImportedPack, MovedWorkshopPack, MovePackInput, MoveWorkshopPackInput, PackComparison, PackMovePreview, PackRef, PackSummary, WorkshopPackSource } from './packs';
import { AcceptedRecord, ExportRecordsInput, ListRecordsInput, RecordList, RecordsExport, UpdateRecordInput } from './records';
import { OpenRoomInput, RevealRoomInput, RoomInterface, RoomParticipantRef, RoomReveal, RoomStatus } from './room';

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** True when the channel changes saved data. */
  mutates: boolean;
}

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean): ChannelSpec<I, O> {
  return { input, output, mutates };
}

/** The one map of the process boundary: every channel, its input and its output schema. */
export const channels = {
  'app.info': channel(EmptyInput, AppInfo, false),
  'workshops.list': channel(ListWorkshopsInput, z.array(Workshop), false),
  'workshops.create': channel(CreateWorkshopInput, Workshop, true),
  'workshops.get': channel(WorkshopRef, Workshop, false),
  'workshops.update': channel(UpdateWorkshopInput, Workshop, true),
  'workshops.archive': channel(ArchiveWorkshopInput, Workshop, true),
  'workshops.import': channel(ImportWorkshopInput, ImportedWorkshop, true),
  'workshopState.get': channel(WorkshopRef, SavedWorkshopState, false),
  'workshopState.save': channel(SaveWorkshopStateInput, SavedWorkshopState, true),
  'diagram.export': channel(DiagramExportInput, ExportedFile, false),
  'milestones.list': channel(WorkshopRef, z.array(Milestone), false),
  'milestones.create': channel(CreateMilestoneInput, Milestone, true),
  'milestones.compare': channel(CompareInput, RevisionComparison, false),
  'records.list': channel(ListRecordsInput, RecordList, false),
  'records.update': channel(UpdateRecordInput, RecordList, true),
  'records.candidates': channel(ListRecordsInput, z.array(AcceptedRecord), false),
  'records.export': channel(ExportRecordsInput, RecordsExport, false),
  'records.pdf': channel(WorkshopRef, ExportedFile, false),
  'packs.list': channel(EmptyInput, z.array(PackSummary), false),
  'packs.import': channel(ImportPackInput, ImportedPack, true),
  'packs.compare': channel(PackRef, PackComparison, false),
  'packs.remove': channel(PackRef, z.array(PackSummary), true),
  'packs.ofWorkshop': channel(WorkshopRef, WorkshopPackSource, false),
  'packs.previewMove': channel(MovePackInput, PackMovePreview, false),
  'packs.moveWorkshop': channel(MoveWorkshopPackInput, MovedWorkshopPack, true),
  // The room changes no saved data: what participants send is held in it until the facilitator reveals it,
  // and the page then saves it like any other edit.
  'room.interfaces': channel(EmptyInput, z.array(RoomInterface), false),
  'room.status': channel(EmptyInput, RoomStatus, false),
  'room.open': channel(OpenRoomInput, RoomStatus, false),
  'room.close': channel(EmptyInput, RoomStatus, false),
  'room.admit': channel(RoomParticipantRef, RoomStatus, false),
  'room.revoke': channel(RoomParticipantRef, RoomStatus, false),
  'room.reissue': channel(RoomParticipantRef, RoomStatus, false),
  'room.reveal': channel(RevealRoomInput, RoomReveal, false),
} satisfies Record<ChannelName, ChannelSpec<z.ZodType, z.ZodType>>;

// `satisfies` with an object literal checks both ways: a missing channel and an unknown one fail to compile.
type Channels = typeof channels;

export type Channel = keyof Channels;
/** What a caller passes (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
/** What a handler receives (after validation). */
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;
