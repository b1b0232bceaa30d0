using GraphQL.Types;
using Store.Domain;

namespace Store.Api.Schema;

/// <summary>An expected failure of a mutation: which input field, a sentence for the user, a stable code.</summary>
public sealed class UserErrorType : ObjectGraphType<Problem>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation changed nothing: the input field at fault (a path such as billingAddress.postalCode), a message, and a code.";
        Field(p => p.Field).Description("The input field at fault.");
        Field(p => p.Message);
        Field(p => p.Code).Description("A stable code, such as INVALID_SIREN.");
    }
}

/// <summary>What every mutation payload carries: the entity when it succeeded, the user errors when it did not.</summary>
public sealed record Payload<T>(T? Entity, IReadOnlyList<Problem> UserErrors)
{
    public static Payload<T> From(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Value, outcome.Problems);
    }
}
