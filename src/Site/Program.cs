using Store.Api;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Jobs;
using Store.Site;
using Store.Site.Hosting;

var builder = WebApplication.CreateBuilder(args);
var roles = StoreRoles.From(builder.Configuration);

builder.AddServiceDefaults();
builder.AddDomain();
if (roles.Api)
{
    builder.AddApi();
}

if (roles.Jobs)
{
    builder.AddJobs();
}

if (roles.Site)
{
    builder.AddSite();
}

var app = builder.Build();

app.UseServiceDefaults(roles.Site ? Store.Site.Extensions.UseSiteBeforeRouting : null);
if (roles.Site)
{
    app.MapSite();
}

if (roles.Api)
{
    app.MapApi();
}

try
{
    await app.RunAsync();
    return 0;
}
catch (CatalogException e)
{
    // The database is migrated and the catalog published as the host starts: a catalog that cannot be
    // published stops the start, saying which file, which entry and what is wrong.
    app.Logger.LogCritical("Store cannot start. {Reason}", e.Message);
    await Console.Error.WriteLineAsync("Store cannot start. " + e.Message);
    return 1;
}

/// <summary>The host; public so that tests can start it.</summary>
public partial class Program;
