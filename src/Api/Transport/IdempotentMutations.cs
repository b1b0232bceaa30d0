using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Persistence;

namespace Store.Api.Transport;

/// <summary>
/// Mutations sent with an Idempotency-Key header run once per caller and key: a repeat gets the first answer
/// (with Idempotent-Replayed: true), the same key with another request is refused, and a repeat while the first is
/// still running is asked to retry. A first attempt that died without answering is taken over after two minutes.
/// </summary>
public static class IdempotentMutations
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public sealed record Answer(int StatusCode, string Body, bool Replayed);

    /// <summary>The answer to give: the stored one, a refusal, or the one <paramref name="run"/> produces now.</summary>
    public static async Task<Answer> RunAsync(HttpContext http, string caller, string key, string requestText, Func<Task<Answer>> run)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(run);
        var services = http.RequestServices;
        var db = services.GetRequiredService<StoreDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestText)));

        var existing = await db.IdempotentRequests.SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        IdempotentRequest claim;
        if (existing is null)
        {
            claim = new IdempotentRequest(caller, key, hash, clock.GetUtcNow());
            db.IdempotentRequests.Add(claim);
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // The same key arrived twice at the same moment: the other request runs it.
                return InProgress();
            }
        }
        else if (existing.RequestHash != hash)
        {
            return Refusal(422, "IDEMPOTENCY_KEY_REUSED", $"The Idempotency-Key '{key}' was already used for another request. Use a new key for a new request.");
        }
        else if (existing.CompletedAt is not null)
        {
            return new Answer(existing.StatusCode, existing.Response!, true);
        }
        else if (clock.GetUtcNow() - existing.StartedAt < Abandoned)
        {
            return InProgress();
        }
        else
        {
            existing.Restart(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(http.RequestAborted);
            }
            catch (DbUpdateConcurrencyException)
            {
                return InProgress();
            }

            claim = existing;
        }

        var answer = await run();
        claim.Complete(answer.StatusCode, answer.Body, clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        return answer;

        Answer InProgress()
        {
            http.Response.Headers.RetryAfter = "1";
            return Refusal(409, "IDEMPOTENCY_IN_PROGRESS", $"A request with the Idempotency-Key '{key}' is still running; retry in a moment to get its answer.");
        }
    }

    private static Answer Refusal(int status, string code, string message) =>
        new(status, System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }), false);
}
