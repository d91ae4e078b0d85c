// A tool that writes through an EF Core context, two calls away.
using Microsoft.Agents.AI;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace Microsoft.EntityFrameworkCore
{
    // EF Core is not restored in this corpus; DbContext as EF Core declares the members used here.
    public abstract class DbContext : IDisposable
    {
        public virtual int SaveChanges() => 0;

        public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public void Dispose()
        {
        }
    }
}

namespace Contoso.Loyalty
{
    public sealed class Member
    {
        public string Id { get; set; } = "";

        public int Points { get; set; }
    }

    public sealed class LoyaltyContext : DbContext
    {
        public List<Member> Members { get; } = [];
    }

    public sealed class PointsService(LoyaltyContext db)
    {
        public int Balance(string memberId) => db.Members.FirstOrDefault(m => m.Id == memberId)?.Points ?? 0;

        public async Task<int> GrantAsync(string memberId, int points)
        {
            var member = db.Members.First(m => m.Id == memberId);
            member.Points += points;
            await Persist();
            return member.Points;
        }

        private Task<int> Persist() => db.SaveChangesAsync();
    }

    public static class LoyaltyAgent
    {
        public static AIAgent Create(IChatClient chatClient, PointsService points)
            => chatClient.AsAIAgent( // expect: ALN0005
                instructions: "You answer loyalty questions and grant goodwill points up to 500.",
                tools:
                [
                    AIFunctionFactory.Create(points.Balance),
                    AIFunctionFactory.Create(points.GrantAsync), // expect: ALN0002
                ]);

        public static async Task<string> AskAsync(IChatClient chatClient, PointsService points, string question)
            => (await Create(chatClient, points).RunAsync(question)).Text; // expect-info: ALN0001
    }
}
