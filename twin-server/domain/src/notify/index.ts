// Alarm notifications: settings, escalation plans, message texts. REQ PROP-2 h, PLAT-8.
export * from './notificationConfig.ts';
export * from './stepDeliveries.ts';
export * from './escalationPlan.ts';
export * from './notificationTemplates.ts';
export * from './gatewayBody.ts';
