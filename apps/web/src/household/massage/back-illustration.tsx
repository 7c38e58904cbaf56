import type { IllustrationId } from '@lancar/content';
import { t } from '@lingui/core/macro';
import type { ComponentChildren } from 'preact';

/**
 * Simple line drawings for the massage steps: a seated person seen from behind, with the area of the step in
 * amber. Plain inline SVG with presentation attributes only (no style attributes, no scripts, nothing fetched),
 * so it works offline and under the strict Content-Security-Policy.
 */

const GREEN = '#0f6b5c';
const LIGHT = '#e3f1ed';
const AMBER = '#f0b429';
const MUTED = '#56635e';

function label(id: IllustrationId): string {
  switch (id) {
    case 'room':
      return t`Ruangan: kursi, meja, handuk, dan botol minyak`;
    case 'posture':
      return t`Ibu duduk bersandar ke depan, lengan dilipat di atas meja`;
    case 'landmark-c7':
      return t`Punggung ibu: tulang leher yang menonjol dan titik awal di kiri dan kanan tulang belakang`;
    case 'oil':
      return t`Kedua tangan dan setetes minyak`;
    case 'fists':
      return t`Dua kepalan tangan, ibu jari ke arah kepala, di kiri dan kanan tulang belakang`;
    case 'massage-path':
      return t`Jalur pijat: dari bawah leher turun di kedua sisi tulang belakang sampai setinggi tali bra`;
    case 'wipe':
      return t`Punggung dibersihkan dengan waslap`;
    case 'breastfeed':
      return t`Ibu menggendong dan menyusui bayi`;
  }
}

function Frame({ id, children }: { id: IllustrationId; children: ComponentChildren }) {
  return (
    <svg
      class="massage-illustration"
      role="img"
      aria-label={label(id)}
      viewBox="0 0 200 170"
      xmlns="http://www.w3.org/2000/svg"
      fill="none"
      stroke={GREEN}
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** A stool under the person. */
const Seat = () => <path d="M36 160h128M46 160v10M154 160v10" stroke={MUTED} />;

/** Head (hair from behind), neck and torso, with shoulder blades, spine and the bra-strap line. */
function Back({ children }: { children?: ComponentChildren }) {
  return (
    <>
      <Seat />
      <path d="M89 42v16h22V42" fill={LIGHT} />
      <circle cx="100" cy="28" r="19" fill={GREEN} />
      <circle cx="100" cy="9" r="6" fill={GREEN} />
      <path d="M88 56Q100 62 112 56Q150 58 162 80L156 158H44L38 80Q50 58 88 56Z" fill={LIGHT} />
      <path
        d="M62 80Q80 74 86 86Q86 106 80 120Q66 116 60 98M138 80Q120 74 114 86Q114 106 120 120Q134 116 140 98"
        stroke-width="1.5"
      />
      <path d="M100 62V152" stroke={MUTED} stroke-dasharray="1 5" />
      <path d="M42 124H158" stroke={MUTED} stroke-width="1.5" stroke-dasharray="6 4" />
      {children}
    </>
  );
}

/** A fist from behind with the thumb pointing up; `flip` mirrors it to the other side of the spine. */
const Fist = ({ flip }: { flip?: boolean }) => (
  <g transform={flip ? 'matrix(-1 0 0 1 200 0)' : undefined} fill="#fff">
    <rect x="64" y="76" width="24" height="28" rx="9" />
    <path d="M66 86h20M66 94h20" stroke-width="1" />
    <path d="M86 90V74a4 4 0 0 1 8 0v14" />
    <circle cx="90" cy="73" r="3" fill={AMBER} stroke="none" />
  </g>
);

/** An open hand, palm up, fingers up; `flip` mirrors it into the other hand. */
const Hand = ({ flip }: { flip?: boolean }) => (
  <g transform={flip ? 'matrix(-1 0 0 1 200 0)' : undefined} fill={LIGHT}>
    <path d="M40 102v-36a6 6 0 0 1 12 0v30M52 96v-40a6 6 0 0 1 12 0v40M64 96v-38a6 6 0 0 1 12 0v40M76 98v-28a6 6 0 0 1 12 0v44l8-12a6 6 0 0 1 10 6l-14 26q-10 18-30 18h-4q-20 0-22-24z" />
  </g>
);

function Drawing({ id }: { id: IllustrationId }) {
  switch (id) {
    case 'room':
      return (
        <>
          <path d="M18 36v124M18 108h48v52M18 108l-2 52" />
          <path d="M76 92h112M84 92v68M180 92v68" />
          <path d="M90 92V78h42v14" fill={AMBER} />
          <path d="M95 85h32" />
          <path d="M150 92V66h12v26zM152 66v-9h8v9" fill={AMBER} />
          <path d="M136 92q5-12 10 0" stroke={MUTED} />
        </>
      );
    case 'posture':
      return (
        <>
          <path d="M8 96h184v9H8z" fill={AMBER} />
          <path d="M54 70Q30 78 18 96h24q8-10 18-14zM146 70q24 8 36 26h-24q-8-10-18-14z" fill={LIGHT} />
          <circle cx="100" cy="50" r="19" fill={GREEN} />
          <path d="M62 64Q100 52 138 64Q160 74 158 100L154 158H46L42 100Q40 74 62 64Z" fill={LIGHT} />
          <path d="M100 62V150" stroke={MUTED} stroke-dasharray="1 5" />
          <Seat />
        </>
      );
    case 'landmark-c7':
      return (
        <Back>
          <circle cx="100" cy="62" r="4" fill={AMBER} stroke="none" />
          <circle cx="100" cy="62" r="8" stroke={AMBER} />
          <circle cx="89" cy="74" r="4" stroke={AMBER} stroke-width="3" />
          <circle cx="111" cy="74" r="4" stroke={AMBER} stroke-width="3" />
        </Back>
      );
    case 'oil':
      return (
        <>
          <Hand />
          <Hand flip />
          <path d="M132 8l30 18-8 14-30-18zM124 22l-8 10" fill={LIGHT} />
          <path d="M114 44q9 15 0 22q-9-7 0-22z" fill={AMBER} />
        </>
      );
    case 'fists':
      return (
        <Back>
          <Fist />
          <Fist flip />
        </Back>
      );
    case 'massage-path':
      return (
        <Back>
          <path d="M89 76v40M111 76v40" stroke={AMBER} stroke-width="2" stroke-dasharray="3 4" />
          {[76, 92, 108].map((y) => (
            <g key={y} stroke={AMBER} stroke-width="2.5" fill="#fff">
              <circle cx="89" cy={y} r="3.5" />
              <circle cx="111" cy={y} r="3.5" />
            </g>
          ))}
          <path d="M83 116l6 7 6-7M105 116l6 7 6-7" stroke={AMBER} stroke-width="3" />
        </Back>
      );
    case 'wipe':
      return (
        <Back>
          <path d="M104 78l36-10 10 36-36 10z" fill={AMBER} />
          <path d="M110 86l30-8M113 98l30-8" stroke-width="1.5" />
          <path d="M154 70q8 12 0 24M162 66q10 16 0 32" stroke={MUTED} />
        </Back>
      );
    case 'breastfeed':
      return (
        <>
          <Seat />
          <circle cx="92" cy="32" r="18" fill={LIGHT} />
          <path d="M74 30a18 18 0 0 1 36 0q-8-10-18-10t-18 10z" fill={GREEN} />
          <path d="M72 58Q92 50 112 58Q134 64 138 98L144 160H44L50 98Q54 64 72 58Z" fill={LIGHT} />
          <path d="M62 112Q96 72 146 90Q150 108 132 116Q94 126 62 112Z" fill={AMBER} />
          <circle cx="134" cy="92" r="11" fill="#fff" />
          <path d="M58 74q-6 34 28 44M126 64q28 18 12 50" />
        </>
      );
  }
}

export function BackIllustration({ id }: { id: IllustrationId }) {
  return (
    <Frame id={id}>
      <Drawing id={id} />
    </Frame>
  );
}
