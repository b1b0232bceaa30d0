namespace Store.Domain.Numbers;

/// <summary>What a line presents as caller ID, and who calls with it (004 art. 6.2.3 and 6.3).</summary>
public enum CallerIdUse
{
    /// <summary>People calling from their phones.</summary>
    Person,

    /// <summary>An automated calling or messaging system.</summary>
    AutomatedSystem,

    /// <summary>Exchanges with a technical platform.</summary>
    TechnicalPlatform,
}

/// <summary>
/// The ARCEP caller-ID rules of the Contact Experience conditions: automated systems present only the verified
/// multi-purpose ranges (0162, 0163, 0270, 0271, 0377, 0378, 0424, 0425, 0568, 0569, 0948, 0949) and never a
/// 10-digit mobile number; technical platforms only 0937, 0938 and 09390 to 09394; nobody presents a 089B number.
/// </summary>
public static class CallerIdRules
{
    private static readonly string[] AutomatedRanges = ["0162", "0163", "0270", "0271", "0377", "0378", "0424", "0425", "0568", "0569", "0948", "0949"];
    private static readonly string[] PlatformRanges = ["0937", "0938", "09390", "09391", "09392", "09393", "09394"];

    public static IReadOnlyList<Problem> Check(string field, string e164, CallerIdUse use)
    {
        ArgumentNullException.ThrowIfNull(e164);
        if (!PhoneNumberText.IsFrench(e164))
        {
            return use == CallerIdUse.Person ? [] : [new Problem(field, "Automated systems and technical platforms present a French number.", "CALLER_ID_NOT_ALLOWED")];
        }

        var national = PhoneNumberText.National(e164);
        if (national.StartsWith("089", StringComparison.Ordinal))
        {
            return [new Problem(field, "Numbers starting with 089 may not be presented as caller ID (ARCEP rules against ping calls, 004 art. 6.3).", "CALLER_ID_NOT_ALLOWED")];
        }

        return use switch
        {
            CallerIdUse.AutomatedSystem when PhoneNumberText.IsMobile(e164) =>
                [new Problem(field, "An automated system may never present a 10-digit mobile number (004 art. 6.2.3.1).", "CALLER_ID_NOT_ALLOWED")],
            CallerIdUse.AutomatedSystem when !AutomatedRanges.Any(national.StartsWith) =>
                [new Problem(field, "An automated system presents only the verified ranges 0162, 0163, 0270, 0271, 0377, 0378, 0424, 0425, 0568, 0569, 0948 or 0949 (004 art. 6.2.3.1).", "CALLER_ID_NOT_ALLOWED")],
            CallerIdUse.TechnicalPlatform when !PlatformRanges.Any(national.StartsWith) =>
                [new Problem(field, "A technical platform presents only 0937, 0938 or 09390 to 09394 numbers (004 art. 6.2.3.2).", "CALLER_ID_NOT_ALLOWED")],
            _ => [],
        };
    }
}
