// SignalWire's Twilio-style SDK ships declarations its package.json "exports" hides under NodeNext
// resolution; the comparison tests drive its builders by name, so this is all they need of it.
declare module '@signalwire/compatibility-api' {
  type Builder = { toString(): string } & Record<string, unknown>;
  export const RestClient: { LaML: Record<'VoiceResponse' | 'MessagingResponse' | 'FaxResponse', new () => Builder> };
}
