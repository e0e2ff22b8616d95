import type { Route } from '../routes';

/** The managers' feedback screens (#/avaliacoes…): the inbox and the reports, under one "Avaliações" menu entry. */
export const FEEDBACK_ROUTES = ['avaliacoes', 'avaliacoes/relatorios'] as const satisfies readonly Route[];
export type FeedbackRoute = (typeof FEEDBACK_ROUTES)[number];
export const isFeedbackRoute = (route: string): route is FeedbackRoute => (FEEDBACK_ROUTES as readonly string[]).includes(route);
