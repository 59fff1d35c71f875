import { createHashRouter, Navigate } from 'react-router';
import { AftercareTemplatesPage } from '../features/aftercare/AftercareTemplatesPage';
import { CataloguePage } from '../features/catalogue/CataloguePage';
import { ClientFormPage } from '../features/clients/ClientFormPage';
import { ClientListPage } from '../features/clients/ClientListPage';
import { ClientWorkspace } from '../features/clients/ClientWorkspace';
import { ConsentFormsPage } from '../features/consents/ConsentFormsPage';
import { ConsentRecordPage } from '../features/consents/ConsentRecordPage';
import { SigningMode } from '../features/consents/SigningMode';
import { TemplateEditorPage } from '../features/consents/TemplateEditorPage';
import { SessionChartPage } from '../features/sessions/SessionChartPage';
import { TodayPage } from '../features/sessions/TodayPage';
import { SettingsPage } from '../features/settings/SettingsPage';
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
      { path: 'clients/:clientId/sessions/:sessionId', element: <SessionChartPage /> },
      { path: 'clients/:clientId/consents/:recordId', element: <ConsentRecordPage /> },
      { path: 'clients/:clientId/:tab?', element: <ClientWorkspace /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'catalogue', element: <CataloguePage /> },
      { path: 'consent-forms', element: <ConsentFormsPage /> },
      { path: 'consent-forms/new', element: <TemplateEditorPage /> },
      { path: 'consent-forms/:familyId/edit', element: <TemplateEditorPage /> },
      { path: 'aftercare', element: <AftercareTemplatesPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/clients" replace /> },
    ],
  },
  // Client-facing signing mode covers the whole window, outside the shell: no sidebar, no search.
  { path: '/sign/:clientId/:familyId', element: <SigningMode /> },
]);
