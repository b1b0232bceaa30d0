namespace Store.Domain;

/// <summary>An expected failure, as a value: which input is at fault, a sentence for the person, a stable code.</summary>
public sealed record Problem(string Field, string Message, string Code);

/// <summary>Either a value or the problems that prevented it.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(params Problem[] problems) => new(default, problems);

    public static Outcome<T> Failure(IReadOnlyList<Problem> problems) => new(default, problems);
}
