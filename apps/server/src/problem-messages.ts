import type { Locale } from './locale.ts';

/**
 * The words of every error the API returns, in both languages. A message says what happened and what the person can
 * do next; it never exposes internals. Keys are the last part of the problem type URI.
 */
type Text = string | ((params: Record<string, string>) => string);
interface Message {
  status: number;
  title: Record<Locale, string>;
  detail?: Record<Locale, Text>;
}

export const PROBLEMS = {
  'invalid-input': {
    status: 400,
    title: { id: 'Data yang dikirim belum benar', en: 'Some of the data sent is not valid' },
    detail: {
      id: (p) => `Periksa isian berikut lalu kirim lagi: ${p.fields}.`,
      en: (p) => `Check these fields and send again: ${p.fields}.`,
    },
  },
  'malformed-body': {
    status: 400,
    title: { id: 'Isi permintaan tidak bisa dibaca', en: 'The request body cannot be read' },
    detail: {
      id: 'Isi permintaan harus JSON yang valid. Tidak ada yang disimpan.',
      en: 'The request body must be valid JSON. Nothing was saved.',
    },
  },
  'body-too-large': {
    status: 413,
    title: { id: 'Data yang dikirim terlalu besar', en: 'The data sent is too large' },
    detail: {
      id: (p) => `Batasnya ${p.limit}. Kirim dalam beberapa bagian. Tidak ada yang disimpan.`,
      en: (p) => `The limit is ${p.limit}. Send it in smaller parts. Nothing was saved.`,
    },
  },
  'unsupported-media-type': {
    status: 415,
    title: { id: 'Jenis isi tidak didukung', en: 'Unsupported content type' },
    detail: { id: 'Kirim data sebagai application/json.', en: 'Send data as application/json.' },
  },
  'not-authenticated': {
    status: 401,
    title: { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' },
    detail: {
      id: 'Sesi Anda tidak ada atau sudah berakhir. Masuk lagi dengan nomor HP atau nama pengguna Anda.',
      en: 'You are not logged in, or your session has ended. Log in again with your phone number or username.',
    },
  },
  forbidden: {
    status: 403,
    title: { id: 'Anda tidak memiliki akses', en: 'You do not have access' },
    detail: {
      id: 'Akun Anda tidak diizinkan melihat atau mengubah data ini. Jika menurut Anda ini keliru, hubungi admin puskesmas.',
      en: 'Your account may not see or change this data. If you think this is wrong, contact your facility admin.',
    },
  },
  'cross-origin': {
    status: 403,
    title: { id: 'Permintaan dari situs lain ditolak', en: 'Request from another site refused' },
    detail: {
      id: 'Perubahan data hanya bisa dikirim dari aplikasi Lancar sendiri.',
      en: 'Changes can only be sent from the Lancar app itself.',
    },
  },
  'not-found': {
    status: 404,
    title: { id: 'Data tidak ditemukan', en: 'Not found' },
    detail: {
      id: 'Data ini tidak ada, sudah dihapus, atau bukan milik fasilitas Anda.',
      en: 'This record does not exist, was removed, or does not belong to your facility.',
    },
  },
  'route-not-found': {
    status: 404,
    title: { id: 'Alamat API tidak dikenal', en: 'Unknown API address' },
    detail: {
      id: (p) => `Tidak ada ${p.method} ${p.url}. Lihat /api/docs.`,
      en: (p) => `There is no ${p.method} ${p.url}. See /api/docs.`,
    },
  },
  'login-failed': {
    status: 401,
    title: { id: 'Gagal masuk', en: 'Login failed' },
    detail: {
      id: 'Nomor HP/nama pengguna atau kata sandi salah. Belum punya kata sandi? Gunakan kode aktivasi dari bidan Anda.',
      en: 'Wrong phone number/username or password. No password yet? Use the activation code from your midwife.',
    },
  },
  'login-locked': {
    status: 429,
    title: { id: 'Terlalu banyak percobaan', en: 'Too many attempts' },
    detail: {
      id: (p) =>
        `Masuk dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi pukul ${p.time}, atau minta kode aktivasi baru kepada bidan Anda.`,
      en: (p) =>
        `Login is locked for a while after too many failed attempts. Try again at ${p.time}, or ask your midwife for a new activation code.`,
    },
  },
  'account-disabled': {
    status: 403,
    title: { id: 'Akun dinonaktifkan', en: 'Account disabled' },
    detail: {
      id: 'Akun ini sudah dinonaktifkan. Hubungi admin puskesmas Anda.',
      en: 'This account has been disabled. Contact your facility admin.',
    },
  },
  'activation-invalid': {
    status: 400,
    title: { id: 'Kode aktivasi tidak berlaku', en: 'Activation code not valid' },
    detail: {
      id: 'Kode ini tidak dikenal, sudah dipakai, atau sudah kedaluwarsa. Periksa lagi kodenya, atau minta kode baru kepada bidan Anda.',
      en: 'This code is unknown, already used or expired. Check the code again, or ask your midwife for a new one.',
    },
  },
  'weak-password': {
    status: 400,
    title: { id: 'Kata sandi terlalu lemah', en: 'Password too weak' },
    detail: {
      id: 'Gunakan minimal 8 karakter, bukan angka berurutan atau huruf yang sama berulang.',
      en: 'Use at least 8 characters, not a run of numbers or one repeated character.',
    },
  },
  'login-name-taken': {
    status: 409,
    title: { id: 'Sudah dipakai', en: 'Already in use' },
    detail: {
      id: (p) => `${p.what} sudah dipakai akun lain. Gunakan yang lain, atau cari akun yang sudah ada.`,
      en: (p) => `${p.what} already belongs to another account. Use another, or find the existing account.`,
    },
  },
  'id-conflict': {
    status: 409,
    title: { id: 'Data dengan id ini sudah ada', en: 'A record with this id already exists' },
    detail: {
      id: 'Id ini sudah dipakai untuk data lain yang isinya berbeda. Buat id baru lalu kirim lagi.',
      en: 'This id is already used by a different record. Make a new id and send again.',
    },
  },
  'companion-already-linked': {
    status: 409,
    title: { id: 'Pendamping sudah terdaftar', en: 'Companion already linked' },
    detail: {
      id: 'Orang ini sudah menjadi pendamping ibu ini.',
      en: 'This person is already a companion of this mother.',
    },
  },
  'unsupported-account': {
    status: 409,
    title: { id: 'Nomor ini milik akun lain', en: 'This number belongs to another account' },
    detail: {
      id: 'Nomor HP ini sudah dipakai akun dengan peran lain atau di fasilitas lain, jadi tidak bisa dijadikan pendamping.',
      en: 'This phone number belongs to an account with another role or in another facility, so it cannot be linked as a companion.',
    },
  },
  'participant-exists': {
    status: 409,
    title: { id: 'Peserta sudah terdaftar', en: 'Participant already registered' },
    detail: {
      id: 'Orang ini sudah ada di daftar peserta pelatihan ini.',
      en: 'This person is already on the list of this training.',
    },
  },
  'sheet-exists': {
    status: 409,
    title: { id: 'Lembar jawaban sudah dimasukkan', en: 'Answer sheet already entered' },
    detail: {
      id: (p) =>
        `Lembar ${p.phase} peserta ini sudah ada. Untuk memperbaikinya, kirim lembar baru sebagai koreksi (supersedes).`,
      en: (p) =>
        `This participant's ${p.phase} sheet is already entered. To fix it, send a new sheet as a correction (supersedes).`,
    },
  },
  'post-before-pre': {
    status: 409,
    title: { id: 'Tes awal belum dimasukkan', en: 'No pre-test yet' },
    detail: {
      id: 'Masukkan dulu lembar tes awal peserta ini, baru tes akhir.',
      en: "Enter this participant's pre-test sheet first, then the post-test.",
    },
  },
  'nik-exists': {
    status: 409,
    title: { id: 'Ibu dengan NIK ini sudah terdaftar', en: 'A mother with this NIK is already enrolled' },
    detail: {
      id: 'NIK ini sudah dipakai untuk ibu di fasilitas ini (lihat candidates). Buka data ibu yang sudah ada; satu NIK tidak bisa didaftarkan dua kali. Tidak ada yang disimpan.',
      en: 'This NIK already belongs to a mother in this facility (see candidates). Open the existing record; one NIK cannot be enrolled twice. Nothing was saved.',
    },
  },
  'possible-duplicate': {
    status: 409,
    title: { id: 'Mungkin ibu ini sudah terdaftar', en: 'This mother may already be enrolled' },
    detail: {
      id: 'Ada ibu dengan nama dan tanggal lahir yang sama di fasilitas ini (lihat candidates). Buka data yang sudah ada, atau jika ini orang lain, kirim lagi dengan confirmNotDuplicate. Tidak ada yang disimpan.',
      en: 'A mother with the same name and date of birth is enrolled in this facility (see candidates). Open the existing record, or if this is another person, send again with confirmNotDuplicate. Nothing was saved.',
    },
  },
  'nik-needs-confirmation': {
    status: 422,
    title: { id: 'Periksa NIK sekali lagi', en: 'Check the NIK once more' },
    detail: {
      id: 'NIK ini tidak cocok dengan data ibu (lihat errors). Cocokkan dengan KTP: perbaiki NIK atau tanggal lahir, atau jika sudah benar, kirim lagi dengan confirmNikWarnings. Tidak ada yang disimpan.',
      en: "This NIK does not fit the mother's details (see errors). Compare with the ID card: correct the NIK or the date of birth, or if they are right, send again with confirmNikWarnings. Nothing was saved.",
    },
  },
  'alert-closed': {
    status: 409,
    title: { id: 'Tugas ini sudah ditutup', en: 'This task is already closed' },
    detail: {
      id: 'Peringatan ini sudah ditutup dengan hasilnya, jadi tidak bisa diubah lagi. Bila tanda bahaya muncul lagi, sistem membuat peringatan baru.',
      en: 'This alert was already closed with its outcome, so it cannot change any more. If the danger sign comes back, a new alert is raised.',
    },
  },
  'export-period': {
    status: 400,
    title: { id: 'Periode ekspor belum benar', en: 'The export period is not valid' },
    detail: {
      id: (p) =>
        `Pilih tanggal "dari" yang tidak sesudah tanggal "sampai", dengan periode paling lama ${p.maxDays} hari.`,
      en: (p) => `Choose a "from" date no later than the "to" date, for a period of at most ${p.maxDays} days.`,
    },
  },
  'study-invalid': {
    status: 422,
    title: { id: 'Rancangan penelitian belum bisa dijalankan', en: 'The study cannot run as defined' },
    detail: {
      id: 'Perbaiki hal-hal berikut (lihat errors), lalu simpan lagi. Tidak ada yang disimpan.',
      en: 'Fix the points listed in errors, then save again. Nothing was saved.',
    },
  },
  'study-not-eligible': {
    status: 422,
    title: { id: 'Ibu ini tidak dapat diikutkan', en: 'This mother cannot be enrolled' },
    detail: {
      id: 'Alasannya ada di errors. Ibu tidak didaftarkan dan tidak mendapat alokasi.',
      en: 'The reasons are listed in errors. She was not enrolled and no allocation was used.',
    },
  },
  'study-already-enrolled': {
    status: 409,
    title: { id: 'Ibu ini sudah terdaftar di penelitian', en: 'This mother is already enrolled' },
    detail: {
      id: 'Setiap ibu hanya didaftarkan sekali per penelitian; kelompoknya tidak berubah.',
      en: 'A mother is enrolled once per study; her group does not change.',
    },
  },
  'study-not-recruiting': {
    status: 409,
    title: { id: 'Penelitian ini tidak sedang merekrut', en: 'This study is not recruiting' },
    detail: {
      id: 'Pendaftaran hanya bisa dilakukan saat status penelitian "merekrut".',
      en: 'Mothers can only be enrolled while the study is recruiting.',
    },
  },
  'reference-file-unusable': {
    status: 422,
    title: { id: 'Berkas rujukan tidak bisa dipakai', en: 'The reference file cannot be used' },
    detail: {
      id: (p) => `${p.reasonId} Tidak ada yang disimpan.`,
      en: (p) => `${p.reasonEn} Nothing was saved.`,
    },
  },
  'meta-analysis-too-few': {
    status: 422,
    title: { id: 'Belum cukup studi untuk digabung', en: 'Not enough studies to pool' },
    detail: {
      id: (p) =>
        `Hanya ${p.k} studi yang disertakan memiliki angka lengkap untuk luaran ini; penggabungan memerlukan paling sedikit 2. Lengkapi ekstraksi atau penyaringan.`,
      en: (p) =>
        `Only ${p.k} included studies have complete numbers for this outcome; pooling needs at least 2. Complete the extraction or the screening.`,
    },
  },
  'study-status-change': {
    status: 409,
    title: { id: 'Status penelitian tidak bisa diubah begitu', en: 'The study status cannot change that way' },
    detail: {
      id: 'Draf bisa mulai merekrut atau ditutup; penelitian yang merekrut bisa ditutup; penelitian yang ditutup tetap ditutup.',
      en: 'A draft may start recruiting or be closed; a recruiting study may be closed; a closed study stays closed.',
    },
  },
  'database-unavailable': {
    status: 503,
    title: { id: 'Basis data sedang tidak tersedia', en: 'The database is unavailable' },
    detail: {
      id: 'Tidak ada yang disimpan. Coba lagi sebentar lagi; data di HP Anda tetap aman.',
      en: 'Nothing was saved. Try again shortly; the data on your phone is kept safe.',
    },
  },
  'disk-full': {
    status: 507,
    title: { id: 'Penyimpanan penuh', en: 'The disk is full' },
    detail: {
      id: 'Disk server penuh, jadi tidak ada yang disimpan. Admin perlu mengosongkan ruang disk di server; data di HP Anda tetap aman. Coba lagi setelah itu.',
      en: "The server's disk is full, so nothing was saved. The admin needs to free space on the server's disk; the data on your phone is kept safe. Try again after that.",
    },
  },
  internal: {
    status: 500,
    title: { id: 'Terjadi kesalahan di server', en: 'Something went wrong on the server' },
    detail: {
      id: 'Permintaan tidak selesai dan tidak ada yang diubah. Coba lagi; jika terus terjadi, beri tahu admin dengan kode ini.',
      en: 'The request did not complete and nothing was changed. Try again; if it keeps happening, tell your admin this code.',
    },
  },
} satisfies Record<string, Message>;

export type ProblemKey = keyof typeof PROBLEMS;

export function problemText(key: ProblemKey, locale: Locale, params: Record<string, string> = {}) {
  const message: Message = PROBLEMS[key];
  const detail = message.detail?.[locale];
  return {
    status: message.status,
    title: message.title[locale],
    detail: typeof detail === 'function' ? detail(params) : detail,
  };
}
