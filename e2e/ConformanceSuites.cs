using System.Diagnostics;
using Store.E2E.Infrastructure;

namespace Store.E2E;

/// <summary>The public conformance suites, run from npm against the running host (tools/graphql-conformance).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConformanceSuites(BrowserFixture browser)
{
    [Fact]
    public async Task The_GraphQL_over_HTTP_audits_of_graphql_http_pass_every_MUST_and_SHOULD()
    {
        var (exitCode, output) = await RunNodeAsync("http-audit.mjs", new Uri(browser.Server.BaseAddress, "/graphql").ToString());
        Assert.True(exitCode == 0, output);
        Assert.Matches("[1-9][0-9]* passed, 0 failed", output);
    }

    [Fact]
    public async Task The_graphql_ws_reference_client_and_raw_sockets_get_every_message_and_close_code_right()
    {
        var url = new UriBuilder(new Uri(browser.Server.BaseAddress, "/graphql")) { Scheme = "ws" }.Uri.ToString();
        var (exitCode, output) = await RunNodeAsync("ws-suite.mjs", url);
        Assert.True(exitCode == 0, output);
        Assert.Matches("[1-9][0-9]* passed, 0 failed", output);
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, params string[] arguments)
    {
        var folder = Path.Combine(StoreServer.RepositoryRoot(), "tools", "graphql-conformance");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"Run `npm ci` in {folder} first (./test.sh does).");
        }

        var start = new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
