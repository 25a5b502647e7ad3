import { notifications } from '@mantine/notifications';

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', title: 'Saved', message, autoClose: 3000 });
}

export function notifyFailed(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

export function notifyInfo(title: string, message: string): void {
  notifications.show({ color: 'blue', title, message, autoClose: 5000 });
}
