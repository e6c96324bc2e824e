/*
 * What the message extension needs from professional learning communities: the shapes
 * bot/plc/plc-sharing.ts exports, named here so nothing in this folder reaches into PLC storage.
 */
export type { PlcSummary, PlcResourceForSearch, ShareInput, ShareOutcome, PlcSharing } from '../plc/plc-sharing';
