import type { LayerId } from './layers';

/** Colours of one layer: a light band, a strong stroke, dark text (contrast above 7:1 on the band). */
export interface LayerColours {
  band: string;
  stroke: string;
  text: string;
}

/** Layer colours shared by every serializer. */
export const LAYER_COLOURS: Readonly<Record<LayerId, LayerColours>> = {
  applications: { band: '#E6F0FA', stroke: '#2F6DB5', text: '#123A66' },
  platform: { band: '#E7F4E9', stroke: '#2E7D32', text: '#17421A' },
  networking: { band: '#FDF1DC', stroke: '#A65F00', text: '#5A3300' },
  storage: { band: '#F1E8F7', stroke: '#7B3FA0', text: '#46225C' },
  compute: { band: '#FBE9E9', stroke: '#B23B3B', text: '#651F1F' },
};

/** Colours for everything that is not a layer. */
export const PALETTE = {
  background: '#FFFFFF',
  text: '#1F2933',
  muted: '#52606D',
  frame: '#9AA5B1',
  panel: '#F7F8FA',
  componentFill: '#FFFFFF',
  header: '#EEF1F4',
  flow: '#1F4E79',
  residency: '#C62828',
  governance: '#E4E7EB',
  governanceStroke: '#3E4C59',
  lane: '#F5F7FA',
  badge: '#243B53',
  badgeText: '#FFFFFF',
  step: '#FFFFFF',
} as const;
