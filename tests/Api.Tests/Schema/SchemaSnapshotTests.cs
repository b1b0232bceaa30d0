using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Testing;

namespace Store.Api.Tests.Schema;

/// <summary>
/// The served schema is the committed src/Api/schema.graphql: any change to the API shows up as a diff in review.
/// After an intended change, run the tests once with STORE_UPDATE_SCHEMA=1 and commit the file.
/// </summary>
public sealed class SchemaSnapshotTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public void The_served_schema_is_the_committed_one()
    {
        var schema = factory.Services.GetRequiredService<ISchema>();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(Root(), "src", "Api", "schema.graphql");

        if (Environment.GetEnvironmentVariable("STORE_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with STORE_UPDATE_SCHEMA=1 and commit it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == printed, "The served schema differs from src/Api/schema.graphql. If the change is intended, run the tests with STORE_UPDATE_SCHEMA=1 and commit the file.\n" + printed);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Store.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Store.sln not found");
    }
}
