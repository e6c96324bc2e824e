/**
 * Every container Cefnogi uses, with its partition key. The key is chosen so each hot
 * path reads one partition; see bot/storage/README.md for the model.
 */
export const containerDefinitions = {
  /** One document per person; partition = the person's key, so a turn touches one partition. */
  users: { id: 'users', partitionKey: '/pk' },
  /** Team channels and group chats the bot is in; partition = tenant. */
  conversations: { id: 'conversations', partitionKey: '/pk' },
} as const;

export type ContainerName = keyof typeof containerDefinitions;
