namespace Store.Domain.Calls;

/// <summary>An ISO 3166 alpha-2 code packed in a number from 0 to 675, to index lookup tables without hashing a string.</summary>
public static class CountryCode
{
    public const int Count = 26 * 26;

    public static ushort Pack(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (country.Length != 2 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            throw new ArgumentException($"'{country}' is not an ISO 3166 alpha-2 code.", nameof(country));
        }

        return (ushort)(((country[0] - 'A') * 26) + (country[1] - 'A'));
    }

    public static string Unpack(ushort code) => string.Create(2, code, (span, c) =>
    {
        span[0] = (char)('A' + (c / 26));
        span[1] = (char)('A' + (c % 26));
    });
}
