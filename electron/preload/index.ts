import { contextBridge, ipcRenderer } from 'electron';
import { buildApiClient } from '../core/api/client';
import { channelFor } from '../core/contract';

// The renderer gets exactly the contract's named calls, each over its own channel: no ipcRenderer, no
// generic invoke, no Node objects.
contextBridge.exposeInMainWorld(
  'dermachart',
  buildApiClient((name, payload) => ipcRenderer.invoke(channelFor(name), payload)),
);
