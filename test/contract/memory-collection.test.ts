import { MemoryCollection } from '../../bot/storage/memory-collection';
import { documentCollectionContract, type Note } from './document-collection.contract';

documentCollectionContract('in memory', async () => new MemoryCollection<Note>());
