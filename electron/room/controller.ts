import os from 'node:os';
import net from 'node:net';
import type { RoomInterface } from '../../shared/contract';
import { Room } from './room';
import { startRoomServer, type ParticipantApi, type RoomLimits, type RunningRoom } from './room-server';

/** Interface names of VPNs, containers and virtual machines: not a room's network, though they have addresses. */
const VIRTUAL_NAME = /^(docker|br-|veth|virbr|vmnet|vboxnet|vEthernet|tun|tap|wg|utun|zt|tailscale|ham|ppp)/i;

/** Whether an address is one a LAN keeps to itself: 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10 (shared), fc00::/7. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd]/i.test(address);
}

const KIND_ORDER: Record<RoomInterface['kind'], number> = { private: 0, public: 1, virtual: 2, loopback: 3 };

/**
 * The addresses this computer has, as the room can listen on them, the likeliest room network first: a LAN's own
 * IPv4 addresses, then others, then VPNs and virtual networks, loopback last (link-local IPv6 is left out:
 * browsers cannot open it).
 */
export function listRoomInterfaces(source: () => NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces): RoomInterface[] {
  const list: RoomInterface[] = [];
  for (const [name, infos] of Object.entries(source())) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv6' && (info.scopeid ?? 0) !== 0) continue;
      const kind = info.internal ? 'loopback' : VIRTUAL_NAME.test(name) ? 'virtual' : isPrivateAddress(info.address) ? 'private' : 'public';
      list.push({ name, address: info.address, family: info.family, loopback: info.internal, kind });
    }
  }
  return list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || Number(a.family === 'IPv6') - Number(b.family === 'IPv6'));
}

/** True for 127.0.0.0/8 and ::1: reachable from this computer only. */
export function isLoopbackAddress(address: string): boolean {
  if (net.isIPv4(address)) return address.startsWith('127.');
  return address === '::1';
}

export interface OpenRoom {
  room: Room;
  running: RunningRoom;
  idleMinutes: number;
}

/** Opens, holds and closes the one room this app runs at a time. */
export interface RoomController {
  interfaces(): RoomInterface[];
  current(): OpenRoom | null;
  /** Why the last room closed when nobody closed it ("no one used it for 30 minutes"), until the next opens. */
  closedBecause(): string | null;
  open(workshopId: string, address: string, idleMinutes: number, api: ParticipantApi): Promise<{ ok: true; open: OpenRoom } | { ok: false; message: string }>;
  close(): Promise<void>;
}

export interface RoomControllerOptions {
  rendererDir: string;
  interfaces?: () => RoomInterface[];
  limits?: RoomLimits;
  /** Port for the room (0, the default, picks a free one). */
  port?: number;
}

export function createRoomController(opts: RoomControllerOptions): RoomController {
  const interfaces = opts.interfaces ?? (() => listRoomInterfaces());
  let current: OpenRoom | null = null;
  let reason: string | null = null;

  const close = async () => {
    const closing = current;
    current = null;
    if (closing) await closing.running.close();
  };

  return {
    interfaces,
    current: () => current,
    closedBecause: () => reason,
    close: async () => {
      reason = null;
      await close();
    },
    async open(workshopId, address, idleMinutes, api) {
      // Nothing is served on an address the facilitator did not pick from this computer's own.
      if (!isLoopbackAddress(address) && !interfaces().some((i) => i.address === address)) {
        return { ok: false, message: `${address} is not an address of this computer: choose one of the listed networks.` };
      }
      await close();
      reason = null;
      const room = new Room(workshopId);
      const onIdle = () => {
        if (current?.room !== room) return;
        const unrevealed = room.unrevealed();
        const lost = unrevealed === 0 ? '' : ` What ${unrevealed === 1 ? 'one person' : `${unrevealed} people`} had sent was not revealed and is gone: open the room again and ask them to send it again.`;
        reason = `The room closed itself after ${idleMinutes} minutes with no one using it; its links no longer work.${lost}`;
        void close();
      };
      try {
        const running = await startRoomServer({ room, address, port: opts.port ?? 0, rendererDir: opts.rendererDir, api, idleMs: idleMinutes * 60_000, onIdle, ...(opts.limits ? { limits: opts.limits } : {}) });
        current = { room, running, idleMinutes };
        return { ok: true, open: current };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'EADDRNOTAVAIL' ? 'that address is not on this computer any more (the network changed?)' : code === 'EADDRINUSE' ? 'its port is taken' : (err as Error).message;
        return { ok: false, message: `Could not open the room on ${address}: ${why}.` };
      }
    },
  };
}
