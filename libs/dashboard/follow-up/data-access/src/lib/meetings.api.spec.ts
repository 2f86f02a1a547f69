import { mayRunMeetings, meetingsUrl, meetingUrl, minutesUrl } from './meetings.api';

describe('meetings data access', () => {
  it('builds the routes of the list, one meeting and its minutes', () => {
    expect(meetingsUrl('32')).toBe('/api/meetings?unit=32');
    expect(meetingUrl('a b')).toBe('/api/meetings/a%20b');
    expect(minutesUrl('m-1', 'pdf')).toBe('/api/meetings/m-1/minutes/pdf');
    expect(minutesUrl('m-1', 'xlsx')).toBe('/api/meetings/m-1/minutes/xlsx');
  });

  it('shows meetings to the secretary and the governor, never to ministry staff', () => {
    expect(mayRunMeetings('province_officer')).toBe(true);
    expect(mayRunMeetings('province_approver')).toBe(true);
    expect(mayRunMeetings('governor')).toBe(true);
    expect(mayRunMeetings('central_analyst')).toBe(false);
    expect(mayRunMeetings('cluster_officer')).toBe(false);
    expect(mayRunMeetings(null)).toBe(false);
  });
});
