import { createHashRouter, Navigate } from 'react-router';
import { ClientFormPage } from '../features/clients/ClientFormPage';
import { ClientListPage } from '../features/clients/ClientListPage';
import { ClientWorkspace } from '../features/clients/ClientWorkspace';
import { Shell } from './Shell';

// Hash routes: the app is served from a custom scheme with a single index.html, and a reload keeps the
// practitioner on the same screen.
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/clients" replace /> },
      { path: 'clients', element: <ClientListPage /> },
      { path: 'clients/new', element: <ClientFormPage mode="create" /> },
      { path: 'clients/:clientId/edit', element: <ClientFormPage mode="edit" /> },
      { path: 'clients/:clientId/:tab?', element: <ClientWorkspace /> },
      { path: '*', element: <Navigate to="/clients" replace /> },
    ],
  },
]);
