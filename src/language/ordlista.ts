/**
 * Words that carry the question's grammar or intent, never a unit's name: they are not
 * fuzzy-matched against units and do not count as an unknown unit name.
 */
export const STOPPORD = new Set(
  `
hur ligger ligga gar gick gatt det den de vi oss var vart vara ar ser ut till for fore mot med och eller i pa av om som har hade
hela helt totalt total budget budgeten budgeter budgt budjet ramen ram driftram avvikelse avvikelsen avvikelser avv avvikelsn
underskott underskottet overskott overskottet utfall utfallet utfallen redovisning bokfort forbrukat forbrukning ack ackumulerat
prognos prognosen prognsen prognoser helarsprognos helarsprognosen arsprognos arsprognosen landar landa klarar klara klarade
visa visar ge lista vilka vilken vilket storst storsta minst minsta hogst lagst samst bast topp rangordna ranka sortera
mest inom bland under over plus minus procent kronor tkr mnkr mkr kr alla allt varje nagon nagra nagot
manad manaden manader manaderna for trend trenden utveckling utvecklingen battre samre blivit blev sen sedan efter
jamfor jamfort jamforelse jamforelsen jmf jfr med samma period perioden fjol forra aret aren
atgard atgarden atgarder atgarderna atgardsplan atgardsplanen handlingsplan sparplan besparing besparingar besparingen sparbeting
sjukfranvaro sjukfranvaron korttidsfranvaro korttidsfranvaron franvaro franvaron nyckeltal nyckeltalet personalomsattning personalomsattningen
kan du jag mig min mitt mina ni er ert era man hjalp vad vem nar varfor varifran kommer beror bryt ned ner
ligga status lage laget ekonomi ekonomin ekonomiskt resultat resultatet siffror siffrorna siffra
kostar kostade kostat kostnad kostnaden kostnader kostnaderna kosta
tack snalla please hej hallo kort lang sjuk hog hoga lag lagt
verksamhet verksamheten verksamheter verksamheterna enhet enheten enheter enheterna namnd namnden namnder namnderna
omrade omradet omraden verksamhetsomrade verksamhetsomraden avdelning avdelningen avdelningar forvaltning forvaltningen
just nu idag aktuell aktuella aktuellt senaste senast farska farsk uppdaterad
bara enbart endast hittills ytd tom per sista fram
okat minskat okade minskade forandrats forandring andrats
rapportera rapportering lamna in registrera skicka uppdatera andra satt historik versioner
larm larmet larmen prenumerera bevaka meddela varna avsluta sluta trosklar troskel troskeln larmstatus
how is are the what which show me give list of in for to on by per vs versus than more less this that last year month months
doing going budget over under forecast trend measures status top worst best largest highest lowest compare compared
social services service committee care elderly against units unit department office the a an and or figures numbers fresh
har haft ha finns fanns ska skulle kommer blir bli gjort gora
mal malet malen malsattning overlag sett sammantaget generellt bestar inklusive exklusive enligt spara sparar sparade mycket
stor stort stora storre lite mindre imorgon igar tittar titta inlast inlasta importerades importerade importerat uppdaterades
galler gallde vidtagna vidtagit halla holl hollit gick gatt landade landar innan dessforinnan sa bra daligt
gjorde gor gjort klarat drog dra gar gick kort langa langre totala hel heltal delar delarna del
andel antal hur manga nagon nagra vilken vilket vad nummer nr delverksamhet delverksamheten delverksamheter underenhet underenheten
miljoner miljon millions million big large small was were did do does went much many how go goes done lag lage lagt
inte ej rapporterat rapporterade rapporteringen rapporteringslaget rapporteringsstatus klarmarkera klarmarkerad klarmarkering
klarmarkeringen avmarkera frist fristen frister rapporteringsfrist rapporteringsfrister rapporteringsplan rapporteringsplanen
arbetsdag arbetsdagar arbetsdagen paminn paminnelse paminnelser klockan kl uppehall igen aven
`
    .split(/\s+/)
    .filter(Boolean),
);

const ENGELSKA = new Set(
  'how is are the what which show me give list of does do doing going forecast measures compare than this that last month year'.split(' '),
);

export function ärEngelska(ordlista: string[]): boolean {
  return ordlista.filter((o) => ENGELSKA.has(o)).length >= 2;
}
