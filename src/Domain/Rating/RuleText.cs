using System.Globalization;

namespace Store.Domain.Rating;

/// <summary>A rule and its argument in plain French or English, as the call list and the invoice annex show it.</summary>
public static class RuleText
{
    public static string Describe(RatingRule rule, int arg, string language)
    {
        var en = language == "en";
        var n = arg.ToString(CultureInfo.InvariantCulture);
        return rule switch
        {
            RatingRule.NotAnswered => en ? "not answered" : "appel non abouti",
            RatingRule.IncludedInBundle => en ? $"included (correspondent {n} of the month)" : $"inclus dans le forfait (correspondant n° {n} du mois)",
            RatingRule.InboundIncluded => en ? "inbound call, included" : "appel entrant, inclus",
            RatingRule.BeyondCallLength => en ? $"beyond {Duration(arg, en)} per call" : $"au-delà de {Duration(arg, en)} par appel",
            RatingRule.BeyondDistinctCorrespondents => en ? $"{Ordinal(arg)} correspondent this month" : $"{n}e correspondant ce mois-ci",
            RatingRule.DestinationNotIncluded => en ? "destination not included" : "destination non incluse",
            RatingRule.SpecialNumberOutsideBundle => en ? "special number, outside the bundle" : "numéro spécial, hors forfait",
            RatingRule.ForwardingOutsideBundle => en ? "forwarding to an external number, outside the bundle" : "renvoi vers un numéro externe, hors forfait",
            RatingRule.InboundWithinPool => en ? $"inbound, within the {n} pooled minutes" : $"entrant, dans les {n} minutes mutualisées",
            RatingRule.InboundBeyondPool => en ? $"inbound, beyond the {n} pooled minutes" : $"entrant, au-delà des {n} minutes mutualisées",
            RatingRule.TextToSpeechWithinVolume => en ? $"dynamic TTS, within {n} minutes" : $"TTS dynamique, dans les {n} minutes",
            RatingRule.TextToSpeechBeyondVolume => en ? $"dynamic TTS, beyond {n} minutes" : $"TTS dynamique, au-delà des {n} minutes",
            RatingRule.RecordingWithinPacks => en ? $"recording, within the packs' {n} minutes" : $"enregistrement, dans les {n} minutes des packs",
            RatingRule.RecordingBeyondPacks => en ? $"recording beyond the packs' {n} minutes, overage allowed" : $"enregistrement au-delà des {n} minutes des packs, dépassement autorisé",
            RatingRule.RecordingBeyondPacksNotAllowed => en ? $"recording beyond the packs' {n} minutes, overage not allowed: not billed" : $"enregistrement au-delà des {n} minutes des packs, dépassement non autorisé : non facturé",
            RatingRule.WebCallBackLeg => en ? $"web call-back, call {n} of 2" : $"rappel web, appel {n} sur 2",
            RatingRule.FreephoneHolderPays => en ? $"0800 freephone from a {Line(arg, en)}, paid by the holder" : $"0800 gratuit depuis un {Line(arg, en)}, payé par le titulaire",
            RatingRule.SharedCostHolderPays => en ? $"084x shared cost from a {Line(arg, en)}, holder's part" : $"084x coût partagé depuis un {Line(arg, en)}, part du titulaire",
            RatingRule.PremiumPerMinute => en ? "premium rate per minute" : "tarif surtaxé à la minute",
            RatingRule.PremiumPerCall => en ? "premium rate per call" : "tarif surtaxé à l'appel",
            RatingRule.PremiumFixedFee => en ? "premium rate with a fixed fee" : "tarif surtaxé avec taxe fixe",
            RatingRule.PremiumDynamic => en ? $"dynamic premium rates, {n} changes during the call" : $"tarifs surtaxés dynamiques, {n} changements pendant l'appel",
            _ => rule.ToString(),
        };
    }

    private static string Duration(int seconds, bool en) =>
        seconds % 3600 == 0 ? $"{seconds / 3600} h" : en ? $"{seconds / 60} min" : $"{seconds / 60} min";

    private static string Line(int mobile, bool en) => mobile == 1 ? (en ? "mobile" : "mobile") : (en ? "fixed line" : "fixe");

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
