using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Assistant;

public sealed class CalendarPlugin
{
    private readonly CalendarApi _api = new(new HttpClient { BaseAddress = new Uri("https://graph.contoso.example") });

    [KernelFunction, Description("Lists today's meetings.")]
    public Task<string> Today() => _api.ListAsync(DateOnly.FromDateTime(DateTime.Today));

    [KernelFunction, Description("Cancels a meeting and notifies attendees.")]
    public Task<bool> CancelMeeting(string meetingId) => _api.DeleteEventAsync(meetingId); // expect: ALN0002
}

public sealed class TimePlugin
{
    [KernelFunction, Description("Gets the current UTC time.")]
    public string Now() => DateTime.UtcNow.ToString("O");
}
