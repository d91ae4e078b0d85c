namespace Contoso.Assistant;

public sealed class CalendarApi(HttpClient graph)
{
    public Task<string> ListAsync(DateOnly day) => graph.GetStringAsync($"/me/calendarView?day={day:O}");

    public async Task<bool> DeleteEventAsync(string id)
    {
        var response = await graph.DeleteAsync($"/me/events/{id}");
        return response.IsSuccessStatusCode;
    }
}
