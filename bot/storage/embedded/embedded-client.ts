import { CosmosClient, type CosmosClientOptions, type PluginConfig } from '@azure/cosmos';

/**
 * The account key for the embedded server. It does not check keys, but the SDK signs every
 * request and needs a base64 string to sign with; this one is "cefnogi-embedded".
 */
export const EMBEDDED_COSMOS_KEY = 'Y2Vmbm9naS1lbWJlZGRlZA==';

/** Where an embedded server listens. */
export interface EmbeddedEndpoint {
  endpoint: string;
  key: string;
}

/** Options for a client of the embedded server. */
export interface EmbeddedClientOptions {
  /** SDK request plugins (e.g. the round-trip meter); honoured by the SDK, hidden from its type. */
  plugins?: PluginConfig[];
}

/**
 * A CosmosClient for the embedded server, built the one way that works over plain HTTP:
 * endpoint discovery off (the server advertises an https address the SDK would follow and
 * fail on) and no `agent` (with one, the SDK refuses an http endpoint). The bot and the tests
 * both build their clients here so they cannot drift apart.
 */
export function createEmbeddedClient(embedded: EmbeddedEndpoint, options: EmbeddedClientOptions = {}): CosmosClient {
  const clientOptions: CosmosClientOptions & { plugins?: PluginConfig[] } = {
    endpoint: embedded.endpoint,
    key: embedded.key,
    connectionPolicy: { enableEndpointDiscovery: false },
    ...(options.plugins ? { plugins: options.plugins } : {}),
  };
  return new CosmosClient(clientOptions);
}
