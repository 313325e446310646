// A Cloudflare Worker that receives SignalWire webhooks through the installed package's webhooks
// entry, bundled by workerd.mjs as wrangler does and run in workerd: it answers an inbound call with
// SWML that greets the caller, and a refused webhook with the refusal's status.
import { answerResponse, readWebhook, WebhookError } from 'signalwire-rest/webhooks';

export default {
  async fetch(request, env) {
    try {
      const { call } = await readWebhook(request, { signingKey: env.SIGNING_KEY, webhook: 'inboundCallWebhook' });
      return answerResponse({ version: '1.0.0', sections: { main: [{ play: { url: `say:Hello ${call.from}` } }] } });
    } catch (error) {
      if (error instanceof WebhookError) return new Response(error.message, { status: error.status });
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
