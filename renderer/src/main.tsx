import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { theme } from './theme';
import { readableColorsResolver } from './theme-contrast';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* "auto" follows the OS; no ColorSchemeScript, because the CSP forbids inline scripts. */}
    <MantineProvider theme={theme} cssVariablesResolver={readableColorsResolver} defaultColorScheme="auto">
      <ModalsProvider>
        <Notifications position="bottom-right" limit={3} />
        <App />
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
