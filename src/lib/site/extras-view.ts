/**
 * View data for the monthly reviews, SE signals and the cloud-in-a-box blueprint. Pure: snapshot
 * in, plain data out; pages and components render it.
 */
import type { Cloud, Partner, Play, Review, Signal } from '../../schemas/index.ts';
import { PARTNER_ROLES } from '../../schemas/partners.ts';
import type { Entry, KitSnapshot } from '../content/snapshot.ts';
import { partnerAnchor, route, signalAnchor } from './routes.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11` -> `November 2026`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export const reviewUrl = route.review;
export { partnerAnchor, signalAnchor };

/** Reviews, newest month first. */
export function reviewsNewestFirst(snapshot: KitSnapshot): Entry<Review>[] {
  return [...snapshot.reviews].sort((a, b) => b.data.month.localeCompare(a.data.month) || b.id.localeCompare(a.id));
}

export function latestReview(snapshot: KitSnapshot): Entry<Review> | undefined {
  return reviewsNewestFirst(snapshot)[0];
}

/** An example entry says so in its title. */
export const isExample = (title: string) => /^example\b/i.test(title.trim());

export const SIGNAL_STATUS_LABEL: Record<Signal['status'], string> = {
  new: 'Open', answered: 'Answered', 'became-play': 'Became a play', 'became-frd': 'Became an FRD',
};
export const SIGNAL_KIND_LABEL: Record<Signal['kind'], string> = { gap: 'Gap', 'play-idea': 'Play idea' };

/** Open means nobody has answered it yet. */
export const isOpen = (s: Signal) => s.status === 'new';

/** Open signals first (oldest first: they have waited longest), then the rest, newest first. */
export function signalsOpenFirst(list: Entry<Signal>[]): Entry<Signal>[] {
  return [...list].sort((a, b) => {
    const ao = isOpen(a.data), bo = isOpen(b.data);
    if (ao !== bo) return ao ? -1 : 1;
    const byDate = ao ? a.data.date.localeCompare(b.data.date) : b.data.date.localeCompare(a.data.date);
    return byDate || a.id.localeCompare(b.id);
  });
}

export function signalsOf(snapshot: KitSnapshot, cloudId: string): Entry<Signal>[] {
  return signalsOpenFirst(snapshot.signals.filter((s) => s.data.cloud === cloudId));
}

export const PARTNER_ROLE_LABEL: Record<Partner['role'], string> = {
  orchestration: 'Orchestration', provisioning: 'Provisioning', billing: 'Billing',
  identity: 'Identity', observability: 'Observability', networking: 'Networking',
};
export const INTEGRATION_LABEL: Record<Partner['integration']['status'], string> = {
  available: 'Available', preview: 'Preview', planned: 'Planned', gap: 'Gap (nothing yet)',
};

export interface BlueprintRole {
  role: Partner['role'];
  label: string;
  partners: Entry<Partner>[];
}

export interface Blueprint {
  cloud: Entry<Cloud>;
  plays: Entry<Play>[];
  /** Every control-plane role, with the partners that fill it (none = a hole in the blueprint). */
  roles: BlueprintRole[];
  partners: Entry<Partner>[];
}

/** One blueprint per Tier-2 cloud: its one-pager, plays and control-plane partners by role. */
export function blueprints(snapshot: KitSnapshot): Blueprint[] {
  return snapshot.clouds
    .filter((c) => c.data.tier === 'tier2')
    .sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name))
    .map((cloud) => {
      const partners = snapshot.partners
        .filter((p) => p.data.clouds.includes(cloud.id))
        .sort((a, b) => PARTNER_ROLES.indexOf(a.data.role) - PARTNER_ROLES.indexOf(b.data.role) || a.data.name.localeCompare(b.data.name));
      return {
        cloud,
        plays: snapshot.plays.filter((p) => p.data.clouds.includes(cloud.id)),
        partners,
        roles: PARTNER_ROLES.map((role) => ({ role, label: PARTNER_ROLE_LABEL[role], partners: partners.filter((p) => p.data.role === role) })),
      };
    });
}
