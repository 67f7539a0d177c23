using System.Text.Json.Nodes;
using PartnershipBot.Features.Boards;
using PartnershipBot.Features.Meetings;
using PartnershipBot.Features.Meetings.Attendance;
using PartnershipBot.Testing;

namespace PartnershipBot.Tests.Security;

/// <summary>
/// Issue 20 item 4: every press on the attendance card re-checks the presser. A member cannot Record, someone of
/// another tenant (even one recorded on the board) cannot mark themselves or anyone present, and the secretariat (not a
/// voting member) cannot press "I'm here"; nothing is recorded. The chair can, so the refusals are about the actor.
/// </summary>
[Trait(TestTier.Category, TestTier.InProcess)]
public sealed class AttendancePermissionTests : TwoTenantChatTest
{
    private const string Member = "00000000-0000-0000-0000-0000000000b7";
    private const string Chair = "00000000-0000-0000-0000-0000000000b8";
    private const string Secretary = "00000000-0000-0000-0000-0000000000b9";
    private const string MeetingId = "thurrock/today";

    [Fact]
    public async Task A_member_cannot_record_and_nothing_is_recorded()
    {
        await ArrangeAsync();

        var answer = AnswerText((await PressAsAsync(AttendanceCards.RecordVerb, Data(Member), Member, TenantA, ChannelConversation)).Body);

        Assert.Contains("Only the chair, vice-chair or secretariat can record attendance", answer, StringComparison.Ordinal);
        Assert.Null((await Service<IMeetingAttendance>().ForMeetingAsync(MeetingId, CancellationToken.None)).Quorum);
    }

    [Fact]
    public async Task Someone_of_another_tenant_cannot_mark_or_record_attendance()
    {
        await ArrangeAsync();
        await GiveRoleAsync(Outsider, BoardRole.Chair);

        var here = AnswerText((await PressAsAsync(AttendanceCards.HereVerb, Data(), Outsider, TenantB, "a:personal-outsider")).Body);
        var record = AnswerText((await PressAsAsync(AttendanceCards.RecordVerb, Data(Outsider), Outsider, TenantB, "a:personal-outsider")).Body);

        Assert.Contains("Nothing was recorded", here, StringComparison.Ordinal);
        Assert.Contains("Nothing was recorded", record, StringComparison.Ordinal);
        var attendance = await Service<IMeetingAttendance>().ForMeetingAsync(MeetingId, CancellationToken.None);
        Assert.Empty(attendance.Present);
        Assert.Null(attendance.Quorum);
    }

    [Fact]
    public async Task The_secretariat_is_not_a_voting_member_so_cannot_press_im_here_but_the_chair_can_record()
    {
        await ArrangeAsync();
        await GiveRoleAsync(Secretary, BoardRole.Secretariat, "Sam Secretary");

        var here = AnswerText((await PressAsAsync(AttendanceCards.HereVerb, Data(), Secretary, TenantA, ChannelConversation)).Body);
        var recorded = AnswerText((await PressAsAsync(AttendanceCards.RecordVerb, Data(Member), Chair, TenantA, ChannelConversation)).Body);

        Assert.Contains("Only the board's voting members can mark themselves present", here, StringComparison.Ordinal);
        Assert.Contains("Attendance recorded.", recorded, StringComparison.Ordinal);
        var attendance = await Service<IMeetingAttendance>().ForMeetingAsync(MeetingId, CancellationToken.None);
        Assert.Equal([Member], attendance.Present.Select(a => a.PersonId));
    }

    private async Task ArrangeAsync()
    {
        await LinkBoardToTenantAAsync();
        await GiveRoleAsync(Member, BoardRole.Member, "Mo Member");
        await GiveRoleAsync(Chair, BoardRole.Chair, "Cat Chair");
        var start = DateTimeOffset.UtcNow.AddMinutes(30);
        await Service<IMeetingStore>().AddAsync(new MeetingRecord(MeetingId, Board, ChannelConversation, start, start.AddHours(2)), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private static JsonObject Data(string? ticked = null)
    {
        var data = new JsonObject { ["meetingId"] = MeetingId, ["page"] = "1" };
        if (ticked is not null)
        {
            data[AttendanceCards.PresentPrefix + ticked] = "true";
        }

        return data;
    }
}
