// As src-main/core/logging/…: core runs in plain Node.
import { app } from 'electron';

export const name = app.getName();
