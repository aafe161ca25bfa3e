"""Common English words that never make a theme (function words and discourse filler)."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a about above actually after again against all almost also although always am an and
    another any anyone anything are aren't around as at away back be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't done down during each either else enough even ever every everyone everything
    few first for from get gets getting give go goes going gone got had hadn't has hasn't have
    haven't having he he's her here hers herself him himself his how however i i'd i'll i'm
    i've if in instead into is isn't it it's its itself just know last least less let like
    likely lot lots made make makes making many may maybe me might mine more most much must
    my myself need needs never new no nor not nothing now of off often oh ok okay on once one
    only or other others otherwise our ours ourselves out over own people perhaps point pretty
    probably put quite rather re really right said same say says see seem seems seen she
    should shouldn't since so some someone something sometimes still such sure take than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've thing things think this those though thought through thus to too took
    toward towards two under until up upon us use used uses using very via want wants was
    wasn't way ways we we'd we'll we're we've well went were weren't what what's whatever
    when where whether which while who whole whom whose why will with within without won't
    would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself
    yourselves time times good bad better best great lot long year years day days work
    works working world true false etc e.g i.e
    """.split()
)
