namespace Store.Domain.Rating;

/// <summary>What an invoice line of usage groups: the category of a charge.</summary>
public enum ChargeCategory : byte
{
    /// <summary>Not answered: nothing to pay.</summary>
    NotCharged,

    /// <summary>Part of the bundle (Forfait, unlimited offer, Contact Experience volumes): nothing to pay.</summary>
    Included,

    /// <summary>Metropolitan France beyond the bundle (003: 0.15 EUR/min).</summary>
    DomesticOverage,

    /// <summary>International and overseas destinations not included, or beyond the bundle (003: 0.89 EUR/min).</summary>
    InternationalOverage,

    /// <summary>French special numbers (08, 3BPQ, 118XYZ), outside the bundle.</summary>
    SpecialNumber,

    /// <summary>Forwarding to an external number, outside the bundle.</summary>
    Forwarding,

    /// <summary>Contact Experience inbound minutes beyond the pooled volume (004 art. 3).</summary>
    InboundOverage,

    /// <summary>Dynamic text to speech minutes beyond the option's volume (004 art. 4.1).</summary>
    TextToSpeech,

    /// <summary>Recorded minutes beyond the packs, where the customer allowed overage (004 art. 4.2).</summary>
    Recording,

    /// <summary>The two calls of a web call-back (004 art. 4.5).</summary>
    WebCallBack,

    /// <summary>Traffic a Smart Number's holder pays: 0800 freephone, 084x shared cost (000, 001).</summary>
    SmartNumberTraffic,

    /// <summary>Premium 090x traffic: the caller pays, the holder earns a share (001).</summary>
    SmartNumberPremium,
}
