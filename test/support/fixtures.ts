import type { ConferenceRoomResponse } from '../../src/index.js';

export const PROJECT_ID = 'b3f9c7f2-6f3e-4a57-9d2a-3c1e1f7a9b10';
export const API_TOKEN = 'PT4f6c0a1e9d2b7c3e8a5f0d1c2b3a4e5f6a7b8c9d0e1f2';
export const credentials = { projectId: PROJECT_ID, apiToken: API_TOKEN };
export const ROOM_ID = '0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60';

/** A ConferenceRoomResponse as the live API answers it (fps a number, description null). */
export function roomResponse(overrides: Partial<ConferenceRoomResponse> = {}): ConferenceRoomResponse {
  return {
    id: ROOM_ID,
    project_id: PROJECT_ID,
    display_name: 'Coffee Cafe',
    type: 'video_room',
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    conference_room: {
      id: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      name: 'coffee_cafe',
      description: null,
      display_name: 'Coffee Cafe',
      max_members: 20,
      quality: '720p',
      fps: 20,
      join_from: null,
      join_until: null,
      remove_at: null,
      remove_after_seconds_elapsed: null,
      layout: 'grid-responsive',
      record_on_start: false,
      tone_on_entry_and_exit: true,
      room_join_video_off: false,
      user_join_video_off: false,
      enable_room_previews: true,
      sync_audio_video: null,
      meta: {},
      prioritize_handraise: false,
    },
    ...overrides,
  };
}
