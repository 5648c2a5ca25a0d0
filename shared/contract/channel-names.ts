/**
 * Every channel's name, kept apart from the schemas so the preload can build `window.stratum`
 * without bundling zod. `channels.ts` is checked against this list at compile time.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'workshops.list',
  'workshops.create',
  'workshops.get',
  'workshops.update',
  'workshops.archive',
  'workshops.import',
  'workshopState.get',
  'workshopState.save',
  'diagram.export',
  'milestones.list',
  'milestones.create',
  'milestones.compare',
  'records.list',
  'records.update',
  'records.candidates',
  'records.export',
  'records.pdf',
  'packs.list',
  'packs.import',
  'packs.compare',
  'packs.remove',
  'packs.ofWorkshop',
  'packs.previewMove',
  'packs.moveWorkshop',
  'room.interfaces',
  'room.status',
  'room.open',
  'room.close',
  'room.admit',
  'room.revoke',
  'room.reissue',
  'room.reveal',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Commands the native menu sends to the page (File > New workshop, …). */
export const MENU_COMMANDS = ['new-workshop', 'open-workshop', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * How `workshops.import` opened a file (see ImportedWorkshop); the main process passes it on with an
 * 'open-workshop' command so the page can say so.
 */
export const IMPORT_OUTCOMES = ['new', 'existing', 'restored', 'copy'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** The longest note about a file's rule pack the preload passes on with an 'open-workshop' command. */
export const IMPORT_NOTE_MAX = 600;

/** The IPC channel the main process uses to send menu commands to the page. */
export const MENU_EVENT_CHANNEL = 'menu.command';

/** The participant's channels on the room's address: the only ones a participant's token opens (schemas in room.ts). */
export const PARTICIPANT_CHANNELS = ['participant.join', 'participant.view', 'participant.submitWeights', 'participant.vote'] as const;

/** Where the participant's channels are served on the room's address (the facilitator's `/api/` is refused there). */
export const ROOM_API_PREFIX = '/room-api/';

/** The join page's route: `#/join/<token>` (the token stays in the fragment, so it never reaches a server log or a Referer). */
export const JOIN_ROUTE_PREFIX = '#/join/';
