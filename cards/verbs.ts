import { z } from 'zod';

/**
 * Every Action.Execute verb Cefnogi understands, in one table: cards send these, the bot
 * routes on them, and an unknown verb is answered with an error card.
 */
export const Verbs = {
  showHelp: 'help.show',
  showAdminHelp: 'help.admin',
  setLanguage: 'language.set',
  editProfile: 'profile.edit',
  saveProfile: 'profile.save',
  showProfile: 'profile.show',
  startInduction: 'induction.start',
  beginInduction: 'induction.begin',
  editInductionStart: 'induction.edit',
  showInductionStage: 'induction.stage',
  tickInductionItem: 'induction.tick',
  untickInductionItem: 'induction.undo',
  notePriority: 'induction.priority',
  signOffInductionItem: 'induction.signOff',
  /** Carries `page` (0-based); so do accept, decline and sign-off, to come back to the same page. */
  showTeam: 'team.show',
  acceptReport: 'team.accept',
  declineReport: 'team.decline',
  showSchoolAdmin: 'school.show',
  saveSchoolContacts: 'school.saveContacts',
  addSchoolItem: 'school.addItem',
  addSchoolLink: 'school.addLink',
  removeSchoolEntry: 'school.remove',
  saveSchoolCycle: 'school.saveCycle',
  addSchoolHoliday: 'school.addHoliday',
  /** With `record` (a meeting), that meeting's whole record; so does `openReview` for a manager. */
  showAppraisal: 'appraisal.show',
  addObjective: 'appraisal.addObjective',
  removeObjective: 'appraisal.removeObjective',
  /** Opens one objective's edit form on the appraisal card; `saveObjective` keeps the change. */
  editObjective: 'appraisal.editObjective',
  saveObjective: 'appraisal.saveObjective',
  setAppraisalDates: 'appraisal.setDates',
  confirmMeeting: 'appraisal.confirm',
  moveMeeting: 'appraisal.move',
  snoozeMeeting: 'appraisal.snooze',
  openReview: 'appraisal.openReview',
  recordReview: 'appraisal.record',
  commentOnReview: 'appraisal.comment',
  showManagerImport: 'team.showImport',
  importManagers: 'team.import',
  startSelfAssessment: 'selfAssessment.start',
  beginSelfAssessment: 'selfAssessment.begin',
  answerSelfAssessmentArea: 'selfAssessment.answer',
  showSelfAssessmentResults: 'selfAssessment.results',
  retakeSelfAssessment: 'selfAssessment.retake',
  shareSelfAssessment: 'selfAssessment.share',
  unshareSelfAssessment: 'selfAssessment.unshare',
  exportSelfAssessment: 'selfAssessment.export',
  viewSharedSelfAssessment: 'selfAssessment.shared',
  showMySchools: 'schools.mine',
  findMySchool: 'schools.find',
  requestSchool: 'schools.request',
  leaveSchool: 'schools.leave',
  showMembers: 'members.show',
  confirmMembers: 'members.confirm',
  declineMembers: 'members.decline',
  importStaff: 'members.import',
  showRegister: 'register.show',
  findRegisterSchool: 'register.find',
  addRegisterSchool: 'register.add',
  importRegister: 'register.import',
  mapLegacySchool: 'register.mapLegacy',
  showRoles: 'roles.show',
  appointAdmin: 'roles.appoint',
  removeAdmin: 'roles.remove',
  showAudit: 'audit.show',
  exportAudit: 'audit.export',
  showFigures: 'figures.show',
  exportFigures: 'figures.export',
  linkTeamToSchool: 'schools.linkTeam',
  /** The learning log, with its filters and `page`; `newLearning` opens an empty entry form. */
  showLearning: 'learning.show',
  newLearning: 'learning.new',
  saveLearning: 'learning.save',
  editLearning: 'learning.edit',
  deleteLearning: 'learning.delete',
  /** `registration`: the EWC questions; `answerRegistration` says what the answers mean; `setLearningReminders` carries `on`. */
  showRegistration: 'learning.registration',
  answerRegistration: 'learning.registrationAnswer',
  setLearningReminders: 'learning.reminders',
  /** The Passport export: a date range as text to paste, or a CSV file. */
  showLearningExport: 'learning.export',
  exportLearningText: 'learning.exportText',
  exportLearningCsv: 'learning.exportCsv',
  showWelshLearning: 'learning.welsh',
  showPathway: 'learning.pathway',
  showHlta: 'learning.hlta',
  saveHltaChecklist: 'learning.hltaSave',
  /** A line manager's view of a report's learning linked to their objectives; carries `reportId`. */
  showLearningEvidence: 'learning.evidence',
  showMyData: 'myData.show',
  downloadMyData: 'myData.download',
  askDeleteMyData: 'myData.askDelete',
  /** Carries `subject` (the object id the card was made for) and `asked` (when); both checked again. */
  deleteMyData: 'myData.delete',
  /** Broadcasts: the compose card, its check and preview, Send (`{ id, confirmed }`), the author's list. */
  composeBroadcast: 'broadcast.compose',
  previewBroadcast: 'broadcast.preview',
  sendBroadcast: 'broadcast.send',
  listBroadcasts: 'broadcast.list',
  /** On a recipient's card: the broadcast in `language` (`{ id, language }`), and "I have read this". */
  showBroadcast: 'broadcast.show',
  confirmBroadcastRead: 'broadcast.read',
  /** For the author (and tenant administrators): one sent broadcast's figures, and what can be done with it (`{ id }`). */
  showBroadcastStatus: 'broadcast.status',
  resendBroadcast: 'broadcast.resend',
  withdrawBroadcast: 'broadcast.withdraw',
  exportBroadcast: 'broadcast.export',
  /** Saves the previewed correction of a sent broadcast (`{ id }`). */
  editBroadcast: 'broadcast.edit',
  /** Opens the PLC form for the channel (the team welcome card's button). */
  startPlc: 'plc.start',
  /** A channel of a linked team becomes a PLC (the form's submit). */
  makePlc: 'plc.make',
  /** Toggles the presser's "useful" vote on a resource; data `plcId`, `resourceId`. */
  voteUseful: 'plc.useful',
  saveResource: 'plc.save',
  /** "Save to my learning" on a resource: data `plcId`, `resourceId`; starts an entry in the presser's one-to-one chat. */
  resourceToLearning: 'plc.toLearning',
  /** The resources the person saved for later; data `page`. */
  showSavedResources: 'plc.saved',
  /** The PLC's library; data `plcId`, `page`, `order` ('newest' | 'useful'), `keyArea`. */
  showPlcLibrary: 'plc.library',
  /** Owners only, checked on the server: rename the PLC, close it, remove a resource. */
  renamePlc: 'plc.rename',
  closePlc: 'plc.close',
  removeResource: 'plc.remove',
  /** An owner asks for a join code (given only in their one-to-one chat); data `plcId`. */
  issueJoinCode: 'plc.code',
  /** An owner removes a joined channel; data `plcId`, `channel` (a hash of the channel id). */
  removePlcChannel: 'plc.removeChannel',
  /** An owner approves a channel of another school's team; data `plcId`, `requestId`. */
  approveJoin: 'plc.approveJoin',
  /** "Save to my learning" on a curated library card (data `resourceId`): starts an entry in the presser's one-to-one chat. */
  libraryToLearning: 'library.toLearning',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

export const allVerbs: readonly Verb[] = Object.values(Verbs);

/** A verb from the table, for card data schemas. */
export const verbSchema = z.custom<Verb>((v) => typeof v === 'string' && (allVerbs as readonly string[]).includes(v));
