export * from './endpoint';
export * from './limits';
export * from './truncate';
export { alertText, formatAlert, headline, type AlertText, type Markup } from './alert-text';
export { resourceLink } from './resource-link';
export {
  emailMessage,
  komodoAlertJson,
  request,
  type EmailMessage,
  type HttpEndpoint,
} from './requests';
export {
  DEFAULT_SEND_TIMEOUT_MS,
  sendAlert,
  type SendContext,
  type SendResult,
} from './send-alert';
